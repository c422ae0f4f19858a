package org.peerage.cli;

import picocli.CommandLine.Command;

/** Flow export: collect NetFlow, IPFIX and sFlow over UDP, or read it from captures. */
@Command(name = "flow", description = "Collect and read NetFlow v5/v9, IPFIX and sFlow v5 flow exports.",
        mixinStandardHelpOptions = true, subcommands = {FlowCollectCommand.class, FlowReadCommand.class})
final class FlowCommand {
}
