import ArgumentParser
import Foundation

/// Where a new password comes from: standard input, or made here and printed once. Never an
/// argument, which would stay in the shell's history and the process list.
struct PasswordInput: ParsableArguments {
    @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false

    /// The password, and whether it was made here (and so must be shown).
    func read() throws -> (password: String, made: Bool) {
        guard passwordStdin else { return (Self.made(), true) }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw ValidationError("--password-stdin: standard input held no password")
        }
        return (line, false)
    }

    /// 20 random characters from an alphabet without look-alikes, in groups of five: about 99
    /// bits, from the system's secure generator.
    static func made() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<20).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return stride(from: 0, to: 20, by: 5).map { String(characters[$0..<$0 + 5]) }.joined(separator: "-")
    }
}
