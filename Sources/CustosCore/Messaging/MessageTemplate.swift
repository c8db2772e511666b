public import Foundation
import Mustache
import Yams

/// A message written once and sent to many: a YAML header (`subject`, `purpose`, optional `list`
/// and `channel`) between `---` lines, then a Mustache body in plain text.
///
/// ```
/// ---
/// subject: Your booking has changed
/// purpose: booking_admin
/// ---
/// Dear {{name}},
/// ```
///
/// The purpose (and list) say which contact decision every send asks; ``check(against:)`` refuses a
/// template whose purpose, list, channel or values the policy does not know.
public struct MessageTemplate: Sendable {
    /// The file's name, for messages and the communications log.
    public var name: String
    public var purpose: String
    public var list: String?
    public var channel: MarketingChannel
    /// The Mustache source of the subject line.
    public var subjectSource: String
    /// The Mustache source of the body.
    public var bodySource: String
    /// The values the subject and body use, each with the line it is first used on.
    public var variables: [(name: String, line: Int)]
    private let subjectTemplate: MustacheTemplate
    private let bodyTemplate: MustacheTemplate

    /// The question every send of this template asks of the contact decision.
    public var question: ContactQuestion { ContactQuestion(purpose: purpose, channel: channel, list: list) }

    /// Parses a template file's text. Throws naming the line and the field.
    public init(text: String, name: String) throws(MessageTemplateError) {
        self.name = name
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
            let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" })
        else {
            throw MessageTemplateError(
                fileName: name, line: 1,
                "a message template starts with a header between two '---' lines (subject, purpose, list, channel)")
        }
        let header = lines[1..<end].joined(separator: "\n")
        let fields = try Self.headerFields(header, fileName: name)
        func field(_ key: String) -> (value: String, line: Int)? { fields[key] }
        guard let subject = field("subject"), !subject.value.isEmpty else {
            throw MessageTemplateError(fileName: name, line: 1, "subject: the header must give the subject line")
        }
        guard let purpose = field("purpose"), !purpose.value.isEmpty else {
            throw MessageTemplateError(fileName: name, line: 1, "purpose: the header must name the policy purpose")
        }
        self.purpose = purpose.value
        list = field("list")?.value
        if let channel = field("channel") {
            guard let parsed = MarketingChannel(rawValue: channel.value) else {
                throw MessageTemplateError(
                    fileName: name, line: channel.line,
                    "channel: '\(channel.value)' is not a channel; use one of \(MarketingChannel.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            guard parsed == .email else {
                throw MessageTemplateError(
                    fileName: name, line: channel.line, "channel: only email messages can be sent from the outbox")
            }
            self.channel = parsed
        } else {
            channel = .email
        }
        let bodyStart = end + 2
        subjectSource = subject.value
        bodySource = lines[(end + 1)...].joined(separator: "\n")
        subjectTemplate = try Self.compile(subject.value, fileName: name, firstLine: subject.line)
        bodyTemplate = try Self.compile(bodySource, fileName: name, firstLine: bodyStart)
        var variables: [(name: String, line: Int)] = []
        for tag in Self.tags(in: subject.value, firstLine: subject.line)
            + Self.tags(in: bodySource, firstLine: bodyStart)
        where !variables.contains(where: { $0.name == tag.name }) {
            variables.append(tag)
        }
        self.variables = variables
    }

    /// Checks the template against the policy: a purpose that may be asked about on the channel
    /// (with its list), and only values the purpose's records hold or ``MessageVariable`` names.
    public func check(against policy: Policy) throws(MessageTemplateError) {
        let purpose: Purpose
        do {
            purpose = try ContactDecider(policy: policy).check(question)
        } catch {
            throw MessageTemplateError(fileName: name, line: 1, error.description)
        }
        let allowed = Self.variables(for: purpose, in: policy)
        for variable in variables where !allowed.contains(variable.name) {
            var message = "{{\(variable.name)}} is not a value a message for '\(purpose.id)' can use"
            if let near = EditDistance.closest(to: variable.name, among: allowed) {
                message += "; did you mean {{\(near)}}?"
            } else {
                message +=
                    "; use \(MessageVariable.allCases.map { "{{\($0.rawValue)}}" }.joined(separator: ", ")) or a field of its records"
            }
            throw MessageTemplateError(fileName: name, line: variable.line, message)
        }
        if purpose.marketing == nil, variables.contains(where: { $0.name == MessageVariable.unsubscribeURL.rawValue }) {
            throw MessageTemplateError(
                fileName: name, line: 1,
                "{{unsubscribe_url}}: '\(purpose.id)' is not a marketing purpose, so its messages carry no unsubscribe link"
            )
        }
    }

    /// The values a message for `purpose` may use: ``MessageVariable`` and the fields of its record types.
    public static func variables(for purpose: Purpose, in policy: Policy) -> Set<String> {
        Set(MessageVariable.allCases.map(\.rawValue))
            .union(policy.recordTypes(for: purpose).flatMap { $0.fields.map(\.name) })
    }

    /// The subject line and body for one person's values. Values are text: nothing is escaped,
    /// and line breaks in the subject become spaces.
    public func render(_ values: [String: String]) -> RenderedMessage {
        let subject = subjectTemplate.render(values).components(separatedBy: .newlines).joined(separator: " ")
        return RenderedMessage(subject: subject.trimmingCharacters(in: .whitespaces), text: bodyTemplate.render(values))
    }

    // MARK: Parsing

    private static func headerFields(
        _ header: String, fileName: String
    ) throws(MessageTemplateError) -> [String: (value: String, line: Int)] {
        let node: Node?
        do {
            node = try Yams.compose(yaml: header)
        } catch {
            throw MessageTemplateError(fileName: fileName, line: 2, "the header is not valid YAML")
        }
        guard let mapping = node?.mapping else {
            throw MessageTemplateError(fileName: fileName, line: 2, "the header is a list of 'key: value' lines")
        }
        let known = ["subject", "purpose", "list", "channel"]
        var fields: [String: (value: String, line: Int)] = [:]
        for (key, value) in mapping {
            let line = (key.mark?.line ?? 0) + 1
            guard let name = key.string, known.contains(name) else {
                throw MessageTemplateError(
                    fileName: fileName, line: line,
                    "'\(key.string ?? "?")' is not a header field; use \(known.joined(separator: ", "))")
            }
            guard let text = value.string else {
                throw MessageTemplateError(fileName: fileName, line: line, "\(name): give a single value")
            }
            fields[name] = (text.trimmingCharacters(in: .whitespaces), line)
        }
        return fields
    }

    private static func compile(
        _ source: String, fileName: String, firstLine: Int
    ) throws(MessageTemplateError) -> MustacheTemplate {
        if source.contains("{{>") || source.contains("{{<") || source.contains("{{=") {
            throw MessageTemplateError(
                fileName: fileName, line: firstLine, "partials and delimiter changes are not used in message templates")
        }
        do {
            // The pragma keeps values as they are (no HTML escaping): the body is plain text.
            return try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + source)
        } catch let error as MustacheTemplate.ParserError {
            throw MessageTemplateError(
                fileName: fileName, line: firstLine + error.context.lineNumber - 1,
                "the Mustache is not valid here: \(error.error)")
        } catch {
            throw MessageTemplateError(fileName: fileName, line: firstLine, "the Mustache is not valid")
        }
    }

    /// The names of the values `source` uses (sections included), with their lines.
    private static func tags(in source: String, firstLine: Int) -> [(name: String, line: Int)] {
        var found: [(name: String, line: Int)] = []
        for (offset, line) in source.components(separatedBy: "\n").enumerated() {
            var rest = Substring(line)
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                guard let close = afterOpen.range(of: "}}") else { break }
                var tag = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                rest = afterOpen[close.upperBound...]
                if tag.hasPrefix("!") || tag.hasPrefix("%") { continue }
                tag = tag.trimmingCharacters(in: CharacterSet(charactersIn: "{}#^/&").union(.whitespaces))
                if !tag.isEmpty, !found.contains(where: { $0.name == tag }) {
                    found.append((tag, firstLine + offset))
                }
            }
        }
        return found
    }
}
