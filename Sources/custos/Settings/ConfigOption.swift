import ArgumentParser

/// `--config FILE`: the configuration file. `Custos.main` reads it before the command line is
/// parsed (``Settings/load(arguments:environment:)``); the option is declared here so that the
/// commands accept it and list it in their help.
struct ConfigOption: ParsableArguments {
    @Option(
        name: .customLong("config"),
        help: ArgumentHelp(
            "The configuration file (YAML). Default: CUSTOS_CONFIG, else /etc/custos/custos.yaml when it exists. The environment overrides it, and options override both.",
            valueName: "FILE"))
    var config: String?
}
