import ArgumentParser
import Foundation

/// `--subject ID`, as every command about one person takes it.
struct SubjectOption: ParsableArguments {
    @Option(name: .customLong("subject"), help: ArgumentHelp("The subject's id.", valueName: "ID"))
    var text: String

    var id: UUID {
        get throws {
            guard let id = UUID(uuidString: text) else {
                throw ValidationError("--subject: '\(text)' is not a subject id")
            }
            return id
        }
    }
}
