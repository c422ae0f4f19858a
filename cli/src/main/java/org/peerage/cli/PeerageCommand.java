package org.peerage.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one {@code peerage} command; each area of the platform is a subcommand. */
@Command(name = "peerage", mixinStandardHelpOptions = true, version = "peerage 0.1.0",
        description = "Open interconnection platform: BGP route server and peering toolkit.",
        subcommands = {MrtCommand.class})
public final class PeerageCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new PeerageCommand()).execute(args));
    }
}
