public import Foundation

/// How the organisation's public pages look like its own (`notice.branding`): its colour, and its
/// logo beside its name. The logo travels inside the policy, as a PNG `data:` address, so that it
/// is versioned with the notice and served from the privacy centre's own address: nothing on a
/// public page loads from elsewhere.
public struct NoticeBranding: Sendable, Equatable, Decodable {
    /// A colour as `#RRGGBB`, for the band above each page, links and buttons. It must read as
    /// text on white at WCAG AA (a contrast of at least 4.5 to 1).
    public var colour: String?
    /// The logo: `data:image/png;base64,...`, at most ``largestLogo`` bytes.
    public var logo: String?

    /// The largest logo, in bytes of PNG.
    public static let largestLogo = 200_000

    /// The colour's red, green and blue (0 to 255), when it is written `#RRGGBB`.
    public var rgb: (red: Int, green: Int, blue: Int)? {
        guard let colour, colour.count == 7, colour.hasPrefix("#"),
            let value = Int(colour.dropFirst(), radix: 16)
        else { return nil }
        return (value >> 16 & 0xFF, value >> 8 & 0xFF, value & 0xFF)
    }

    /// The contrast of the colour against white (WCAG 2.2's ratio, 1 to 21).
    public var contrastWithWhite: Double? {
        guard let rgb else { return nil }
        func channel(_ value: Int) -> Double {
            let c = Double(value) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(rgb.red) + 0.7152 * channel(rgb.green) + 0.0722 * channel(rgb.blue)
        return 1.05 / (luminance + 0.05)
    }

    /// The logo's PNG bytes, when `logo` is a PNG `data:` address that holds one.
    public var logoPNG: Data? {
        let prefix = "data:image/png;base64,"
        guard let logo, logo.hasPrefix(prefix),
            let data = Data(base64Encoded: String(logo.dropFirst(prefix.count)), options: .ignoreUnknownCharacters),
            data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), data.count >= 24
        else { return nil }
        return data
    }

    /// The logo's width and height in pixels, from its PNG header.
    public var logoSize: (width: Int, height: Int)? {
        guard let png = logoPNG else { return nil }
        func number(at offset: Int) -> Int {
            png[png.startIndex + offset..<png.startIndex + offset + 4].reduce(0) { $0 << 8 | Int($1) }
        }
        let size = (number(at: 16), number(at: 20))
        return size.0 > 0 && size.1 > 0 ? size : nil
    }
}
