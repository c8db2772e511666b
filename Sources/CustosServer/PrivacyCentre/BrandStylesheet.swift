import CustosCore

/// The stylesheet that makes a workspace's public pages its own (`/privacy/NAME/brand.css`, after
/// the shared one): its colour for the band above each page, links and buttons, and its logo
/// beside its name in the band. Empty rules for a policy without branding. A stylesheet rather
/// than inline styles, so the pages keep their strict content security policy.
enum BrandStylesheet {
    /// The logo's height in the band.
    static let logoHeight = 2.5

    /// The rules for `branding`, with the logo at `logoURL`.
    static func css(_ branding: NoticeBranding?, logoURL: String) -> String {
        var rules: [String] = []
        if let colour = branding?.colour, branding?.rgb != nil {
            rules.append(".brand{border-top-color:\(colour)}")
            rules.append("a,.brand-name{color:\(colour)}")
            rules.append("button:not(.secondary):not(.warning){background:\(colour);box-shadow:0 2px 0 #0b0c0c}")
        }
        if let size = branding?.logoSize {
            let width = logoHeight * Double(size.width) / Double(size.height)
            rules.append(
                ".brand-name::before{content:\"\";display:inline-block;vertical-align:middle;margin-right:.6rem;"
                    + "width:\(String(format: "%.2f", min(width, 12)))rem;height:\(logoHeight)rem;"
                    + "background:url(\"\(logoURL)\") no-repeat left center/contain}")
        }
        return rules.joined(separator: "\n") + "\n"
    }
}
