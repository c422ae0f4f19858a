package org.peerage.cli;

import picocli.CommandLine.Command;

/** Traffic attribution: flows matched to routes and networks, 5-minute series and P95, queried with SQL. */
@Command(name = "traffic", description = "Attribute flows to routes and networks; query the results with SQL.",
        mixinStandardHelpOptions = true, subcommands = {TrafficAttributeCommand.class, TrafficQueryCommand.class})
final class TrafficCommand {
}
