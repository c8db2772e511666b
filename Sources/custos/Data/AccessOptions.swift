import ArgumentParser

/// Why personal data is being read: the audit log records it with every read.
struct AccessOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The policy purpose the data is read for.", valueName: "PURPOSE"))
    var purpose: String?

    @Option(help: ArgumentHelp("Why, in a few words (no personal data).", valueName: "TEXT"))
    var reason: String?
}
