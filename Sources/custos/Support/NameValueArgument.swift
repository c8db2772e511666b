import ArgumentParser

/// Option values written `NAME=VALUE` (`--set name=Ann`, `--grounds purpose=text`).
enum NameValueArgument {
    /// The name and the value (which may be empty); a usage error naming `option` and `shape`
    /// when there is no `=` or no name before it.
    static func split(_ text: String, option: String, shape: String) throws -> (name: String, value: String) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw ValidationError("\(option): write \(shape)")
        }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }
}
