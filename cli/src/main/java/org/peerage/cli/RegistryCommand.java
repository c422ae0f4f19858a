package org.peerage.cli;

import picocli.CommandLine.Command;

/** PeeringDB and IX-F data: import, query, generate fixtures. */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = {"Interconnection registry: PeeringDB and IX-F member data in a local database.",
                "Every command takes --db PATH (default ~/.peerage/registry.duckdb). See docs/registry.md."},
        subcommands = {RegistryImportCommand.class, RegistryNetCommand.class, RegistryIxCommand.class,
                RegistryCommonCommand.class, RegistryRemotePeersCommand.class, RegistryStatusCommand.class,
                RegistryFixtureCommand.class})
final class RegistryCommand {
}
