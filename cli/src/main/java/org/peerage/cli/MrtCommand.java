package org.peerage.cli;

import picocli.CommandLine.Command;

/** MRT files: dump them as text or JSON. */
@Command(name = "mrt", description = "Read MRT routing dumps (RFC 6396, RFC 8050).", mixinStandardHelpOptions = true,
        subcommands = {MrtDumpCommand.class})
final class MrtCommand {
}
