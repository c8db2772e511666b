import Mustache

/// Escapes text for Markdown: characters that would start emphasis, links, HTML or table cells are
/// backslash-escaped, and line breaks inside a value become spaces so a value stays in its cell.
struct MarkdownContentType: MustacheContentType {
    static let name = "MARKDOWN"

    func escapeText(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "\\", "*", "_", "[", "]", "<", ">", "|", "`", "#":
                escaped.append("\\")
                escaped.append(character)
            case "\n", "\r", "\r\n":
                escaped.append(" ")
            default:
                escaped.append(character)
            }
        }
        return escaped
    }
}
