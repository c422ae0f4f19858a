package org.peerage.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one {@code peerage} command; each area of the platform is a subcommand. */
@Command(name = "peerage", mixinStandardHelpOptions = true, version = "peerage 0.1.0",
        description = "Open interconnection platform: BGP route server and peering toolkit.",
        subcommands = {MrtCommand.class, SpeakerCommand.class, RouteServerCommand.class, IrrCommand.class,
                RpkiCommand.class, RegistryCommand.class, FlowCommand.class, TrafficCommand.class,
                AsrelCommand.class, PlanCommand.class})
public final class PeerageCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new PeerageCommand());
        // Bad input (an address that does not parse, a file that cannot be read) is a message, not a stack trace.
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException || e instanceof java.io.IOException
                    || e instanceof IllegalStateException) {
                commandLine.getErr().println("peerage " + commandLine.getCommandName() + ": " + e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }
}
