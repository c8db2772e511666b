import CustosCore
import CustosServices
import Foundation

/// A console form's questions and the answers that came back: reads a posted body, checks each
/// answer (naming the question in the error), takes a service's refusal onto the question it
/// names, and makes the page again with every answer kept and every problem shown.
struct ConsoleForm: Sendable {
    private(set) var fields: [FormField]
    /// What came back, by field name, trimmed.
    private(set) var answers: [String: [String]] = [:]
    /// The first problem of each field, by field name.
    private(set) var errors: [String: String] = [:]
    /// Problems of no one field (a service's refusal of the whole step).
    private(set) var general: [String] = []

    init(_ fields: [FormField]) {
        self.fields = fields
    }

    /// The form with `body`'s answers.
    init(_ fields: [FormField], reading body: FormBody) {
        self.fields = fields
        for field in fields {
            answers[field.name] = body.values(field.name)
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        }
    }

    /// The form filled in with `values` (what a page offers before anything is sent).
    init(_ fields: [FormField], values: [String: [String]]) {
        self.fields = fields
        answers = values
    }

    var isValid: Bool { errors.isEmpty && general.isEmpty }

    /// The answer to `name`, or nil when it was left empty.
    func text(_ name: String) -> String? { answers[name]?.first }

    /// Every choice made for `name`.
    func all(_ name: String) -> [String] { answers[name] ?? [] }

    /// The answer to `name`; records `message` against it when it was left empty.
    mutating func required(_ name: String, _ message: String) -> String? {
        guard let text = text(name) else {
            fail(name, message)
            return nil
        }
        return text
    }

    /// The choice made for `name`, as a `Choice`; `message` when none or one not offered.
    mutating func choice<Choice: RawRepresentable<String>>(
        _ name: String, _ type: Choice.Type, _ message: String, optional: Bool = false
    ) -> Choice? {
        guard let text = text(name) else {
            if !optional { fail(name, message) }
            return nil
        }
        guard let choice = Choice(rawValue: text) else {
            fail(name, message)
            return nil
        }
        return choice
    }

    /// The day given for `name` (YYYY-MM-DD, as a date input sends it), or `empty` when none was.
    /// A day that is not real, or (with `past`) one after today, is recorded as the field's problem.
    mutating func day(
        _ name: String, label: String, empty: CalendarDay?, past: Bool = true, today: CalendarDay = .today
    ) -> CalendarDay? {
        guard let text = text(name) else { return empty }
        guard let day = CalendarDay(iso: text) else {
            fail(name, "\(label) must be a real date, like 2026-12-05")
            return nil
        }
        if past, day > today {
            fail(name, "\(label) must be today or in the past")
            return nil
        }
        return day
    }

    /// The moment given for `name` (a `datetime-local` input: YYYY-MM-DDTHH:MM, UK time), or
    /// `empty` when none was. One in the future, with `past`, is the field's problem.
    mutating func time(_ name: String, label: String, empty: Date?, past: Bool = true, now: Date = Date()) -> Date? {
        guard let text = text(name) else { return empty }
        guard let date = Self.localTime(text) else {
            fail(name, "\(label) must be a real date and time, like 2026-12-05 14:30")
            return nil
        }
        if past, date > now {
            fail(name, "\(label) must be now or in the past")
            return nil
        }
        return date
    }

    /// The whole number given for `name`; none when empty; zero or more.
    mutating func count(_ name: String, label: String) -> Int? {
        guard let text = text(name) else { return nil }
        guard let number = Int(text), number >= 0 else {
            fail(name, "\(label) must be a whole number, 0 or more")
            return nil
        }
        return number
    }

    /// Records `message` as `name`'s problem (the first one stays).
    mutating func fail(_ name: String, _ message: String) {
        if errors[name] == nil { errors[name] = message }
    }

    /// Takes a service's refusal onto the question it names: its messages start with the field
    /// ("reference: give the ICO's reference"), which `names` maps to the form's field names.
    mutating func refused(_ error: VaultError, names: [String: String] = [:]) {
        let message = error.message
        if let colon = message.range(of: ": ") {
            let keys = message[..<colon.lowerBound].split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            let said = String(message[colon.upperBound...])
            let matched = keys.compactMap { key -> String? in
                let name = names[key] ?? key.replacingOccurrences(of: " ", with: "-")
                return fields.contains { $0.name == name } ? name : nil
            }
            if !matched.isEmpty {
                for name in matched { fail(name, Self.sentence(said)) }
                return
            }
        }
        general.append(Self.sentence(message))
    }

    /// The page showing the form again, with the answers and the problems (in the order of the
    /// questions, each linked to its question).
    func page(
        heading: String, action: String, submit: String, caption: String? = nil, lede: String? = nil,
        warning: String? = nil, back: String? = nil
    ) -> FormPage {
        let shown = fields.map { $0.answered(answers[$0.name] ?? [], error: errors[$0.name]) }
        let problems =
            general.map { PageProblem($0) }
            + shown.compactMap { field in field.error.map { PageProblem(field: field.anchor, $0) } }
        return FormPage(
            caption: caption, heading: heading, lede: lede, action: action, fields: shown, submit: submit,
            warning: warning, problems: problems, back: back)
    }

    /// `text` as a sentence: a capital first letter.
    static func sentence(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    /// A `datetime-local` value read as UK clock time.
    static func localTime(_ text: String) -> Date? {
        let parts = text.split(separator: "T")
        guard parts.count == 2, let day = CalendarDay(iso: parts[0]) else { return nil }
        let clock = parts[1].split(separator: ":").compactMap { Int($0) }
        guard clock.count >= 2, (0..<24).contains(clock[0]), (0..<60).contains(clock[1]) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDay.clockTimeZone
        let (year, month, dayOfMonth) = day.components
        return calendar.date(
            from: DateComponents(year: year, month: month, day: dayOfMonth, hour: clock[0], minute: clock[1]))
    }

    /// `date` as a `datetime-local` input shows it, in UK clock time.
    static func localText(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDay.clockTimeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
    }
}
