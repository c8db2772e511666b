/// A command that ran and refused or found problems: exit code 1, with a message for stderr
/// (empty when the command has already printed what it found).
struct CommandFailure: Error {
    var message: String
}
