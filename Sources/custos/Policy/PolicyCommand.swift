import ArgumentParser

/// `custos policy ...`: the data map and what is derived from it.
struct PolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Check a policy, render its notice, ROPA and fideslang export, and apply new versions.",
        subcommands: [
            PolicyCheckCommand.self, PolicyNoticeCommand.self, PolicyROPACommand.self, PolicyExportCommand.self,
            PolicyApplyCommand.self, PolicyVersionsCommand.self, PolicyRulesCommand.self,
        ])
}
