import CustosCore
import CustosServices

/// A line of the preferences form as posted: `purpose:list:channel` (list empty when the purpose
/// has none).
enum PreferenceLine {
    struct Invalid: Error {
        var message: String
    }

    static func id(_ choice: PreferenceChoice) -> String {
        "\(choice.purpose):\(choice.list ?? ""):\(choice.channel.rawValue)"
    }

    static func choice(_ id: String, subscribed: Bool) throws -> PreferenceChoice {
        let parts = id.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, !parts[0].isEmpty else {
            throw Invalid(message: "subscribe: '\(id.prefix(80))' is not a line of this form")
        }
        guard let channel = MarketingChannel(rawValue: parts[2]) else {
            throw Invalid(message: "channel: '\(parts[2].prefix(40))' is not a channel")
        }
        return PreferenceChoice(
            purpose: parts[0], list: parts[1].isEmpty ? nil : parts[1], channel: channel, subscribed: subscribed)
    }
}
