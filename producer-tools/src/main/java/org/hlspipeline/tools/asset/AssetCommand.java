package org.hlspipeline.tools.asset;

import java.util.concurrent.Callable;

import org.hlspipeline.tools.cli.VersionProvider;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "asset", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {AssetImportCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        description = "VOD assets for channels.")
public final class AssetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: import");
    }
}
