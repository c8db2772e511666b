import ArgumentParser

/// `custos subject ...`: find, show, merge and re-identify people.
struct SubjectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subject", abstract: "Find and show people, merge duplicates, re-identify pseudonyms.",
        subcommands: [
            SubjectFindCommand.self, SubjectShowCommand.self, SubjectDuplicatesCommand.self, SubjectMergeCommand.self,
            SubjectReidentifyCommand.self, SubjectIndexNamesCommand.self,
        ])
}
