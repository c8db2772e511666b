import CustosCore
import CustosTestSupport
import Foundation
import Testing

/// Every item of UK GDPR Articles 13 and 14 that a policy holds appears in the notice rendered from
/// it (RULES.md §2), in HTML and in Markdown.
///
/// The expected words are derived from the policy model as ``PrivacyNoticeBuilder`` words them
/// (a lawful basis by its title, reference and plain-English meaning; a retention rule by its
/// `plainEnglish`; a source by its `displayName`), never written out per example, so that an item
/// added to an example is checked too.
@Suite("The notice shows every Article 13/14 item the policy holds")
struct NoticeCompletenessTests {
    // MARK: Examples

    @Test(
        "each example's notice shows every item its policy holds",
        arguments: Repository.exampleNames, NoticeFormat.allCases)
    func examplesAreComplete(_ name: String, _ format: NoticeFormat) throws {
        let loaded = try PolicyLoader.load(contentsOf: Repository.example(name))
        let rendered = try RenderedNotice(loaded, as: format)
        let items = Self.items(of: loaded.policy)
        #expect(!items.isEmpty)
        for item in items {
            #expect(
                rendered.shows(item),
                "\(name) (\(format.rawValue)): \(item.name) is missing; expected \(item.expectation)")
        }
    }

    /// No example has a representative, an automated decision, a recognised legitimate interest or
    /// a safeguard to ask a copy of; the fixture has them all.
    @Test(
        "items no example holds are shown too: representative, automated decision, recognised interest, safeguard",
        arguments: NoticeFormat.allCases)
    func itemsNoExampleHolds(_ format: NoticeFormat) throws {
        var fixture = PolicyFixture()
        fixture.makePrivate()
        fixture.controller += "\nrepresentative:\n  name: Example EU Representative\n  email: representative@example.eu"
        let decision = [
            "automated_decision:",
            "  description: A program puts pupils into maths sets.",
            "  logic: It ranks pupils by their last two maths test scores.",
            "  significance: The set decides the work a pupil is given.",
            "  consequences: A pupil may be taught in a lower set.",
            "  human_review: Ask the head of maths to look at the placement again.",
            "recipients: [cloud]",
        ]
        fixture.purposes += decision.map { "\n  " + $0 }.joined()
        fixture.addPurpose(
            "- id: safeguarding\n  name: Keeping pupils safe\n  lawful_basis: recognised_legitimate_interest"
                + "\n  recognised_interest: safeguarding",
            id: "safeguarding")
        fixture.recipients =
            "- id: cloud\n  name: Cloud host\n  kind: processor\n  agreement: DPA\n  country: IN\n  dpia: DPIA-1"
            + "\n  transfer:\n    mechanism: idta\n    copy: Ask our DPO for a copy."
        let loaded = try fixture.load()
        let policy = loaded.policy
        #expect(policy.controller.representative != nil)
        #expect(policy.purposes.contains { $0.automatedDecision != nil })
        #expect(policy.purposes.contains { $0.recognisedInterest != nil })
        #expect(policy.recipients.contains { $0.transfer?.copy != nil })

        let rendered = try RenderedNotice(loaded, as: format)
        for item in Self.items(of: policy) {
            #expect(
                rendered.shows(item),
                "fixture (\(format.rawValue)): \(item.name) is missing; expected \(item.expectation)")
        }
    }

    @Test("the check reports an item the notice leaves out")
    func checkCatchesOmissions() throws {
        let rendered = try RenderedNotice(PolicyFixture().load(), as: .html)
        var extended = PolicyFixture()
        extended.addPurpose(
            "- id: photos\n  name: Photographs for the website\n  lawful_basis: consent"
                + "\n  consent:\n    withdraw: Tell the office.",
            id: "photos")
        let missing = Self.items(of: try extended.load().policy).filter { !rendered.shows($0) }.map(\.name)
        #expect(missing.contains("purpose photos: name"))
        #expect(missing.contains("purpose photos: lawful basis"))
        #expect(missing.contains("purpose photos: how to withdraw consent"))
        #expect(missing.contains("right to withdraw consent"))
        #expect(!missing.contains("purpose education: name"))
    }

    // MARK: Refusal

    @Test("without the controller's contact routes the notice is refused", arguments: Repository.exampleNames)
    func refusesWithoutControllerContact(_ name: String) throws {
        let source = try String(contentsOf: Repository.example(name), encoding: .utf8)
        let loaded = try PolicyLoader.load(yaml: Self.withoutControllerContact(source), fileName: "\(name).yaml")
        #expect(!loaded.policy.controller.contact.hasContactRoute, "\(name): a contact route is left")
        let error = try #require(throws: NoticeIncompleteError.self, "\(name): a notice without contact details") {
            try PrivacyNoticeBuilder().notice(for: loaded)
        }
        #expect(error.missing.map(\.key) == ["controller-contact@controller"], "\(name)")
    }

    @Test("without a purpose's lawful basis the notice is refused", arguments: Repository.exampleNames)
    func refusesWithoutLawfulBasis(_ name: String) throws {
        let source = try String(contentsOf: Repository.example(name), encoding: .utf8)
        let first = try #require(try PolicyLoader.load(yaml: source, fileName: "\(name).yaml").policy.purposes.first)
        let loaded = try PolicyLoader.load(yaml: Self.withoutFirstLawfulBasis(source), fileName: "\(name).yaml")
        #expect(loaded.policy.purposes.first?.lawfulBasis == nil, "\(name): purpose \(first.id) still has a basis")
        let error = try #require(throws: NoticeIncompleteError.self, "\(name): a notice without a lawful basis") {
            try PrivacyNoticeBuilder().notice(for: loaded)
        }
        #expect(error.missing.map(\.key) == ["lawful-basis@purposes[0].lawful_basis"], "\(name)")
        #expect(
            error.missing.first?.message.contains("'\(first.id)'") == true, "\(name): the finding names the purpose")
    }

    /// The policy text without the controller's own address, email, phone and website lines.
    static func withoutControllerContact(_ yaml: String) -> String {
        let routes = ["address", "email", "phone", "website"]
        var section = ""
        var kept: [String] = []
        for line in yaml.components(separatedBy: "\n") {
            if let first = line.first, !first.isWhitespace, first != "#" {
                section = String(line.prefix { $0 != ":" })
            }
            if section == "controller" && routes.contains(where: { line.hasPrefix("  \($0):") }) { continue }
            kept.append(line)
        }
        return kept.joined(separator: "\n")
    }

    /// The policy text without the first purpose's `lawful_basis` line.
    static func withoutFirstLawfulBasis(_ yaml: String) -> String {
        var lines = yaml.components(separatedBy: "\n")
        if let index = lines.firstIndex(where: { $0.hasPrefix("    lawful_basis:") }) { lines.remove(at: index) }
        return lines.joined(separator: "\n")
    }
}

// MARK: - The items a policy holds

extension NoticeCompletenessTests {
    /// One item the notice must show: what it is, the words the builder writes for it, and where.
    struct Item {
        enum Place: Equatable {
            /// Anywhere in the notice.
            case anywhere
            /// As a level-4 heading (a purpose's, a record's).
            case heading
            /// In the part under a level-4 heading with this text (a purpose's explanation).
            case under(String)
        }

        /// What the item is, e.g. "purpose booking_admin: lawful basis".
        var name: String
        /// The words, with white space collapsed.
        var text: String
        var place: Place

        init(_ name: String, _ text: String, in place: Place = .anywhere) {
            self.name = name
            self.text = NoticeCompletenessTests.collapsingWhiteSpace(text)
            if case .under(let heading) = place {
                self.place = .under(NoticeCompletenessTests.collapsingWhiteSpace(heading))
            } else {
                self.place = place
            }
        }

        /// The expectation in words, for a failure message.
        var expectation: String {
            switch place {
            case .anywhere: "“\(text)”"
            case .heading: "a heading “\(text)”"
            case .under(let heading): "“\(text)” under “\(heading)”"
            }
        }
    }

    /// Every Article 13/14 item the policy holds.
    static func items(of policy: Policy) -> [Item] {
        controllerItems(of: policy) + policy.purposes.flatMap { purposeItems($0) } + recipientItems(of: policy)
            + recordItems(of: policy) + rightsItems(of: policy)
    }

    /// Art 13(1)(a)–(b): the controller's identity and contact, its representative's, the DPO's.
    static func controllerItems(of policy: Policy) -> [Item] {
        let controller = policy.controller
        let details: [(String, String?)] = [
            ("address", controller.address), ("email", controller.email), ("phone", controller.phone),
            ("website", controller.website), ("ICO registration", controller.icoRegistration),
            ("company number", controller.companyNumber), ("charity number", controller.charityNumber),
        ]
        var items = [Item("controller: name", controller.name ?? controller.displayName)]
        items += details.compactMap { detail in given(detail.1).map { Item("controller: \(detail.0)", $0) } }
        if let representative = controller.representative {
            items += contactItems(representative, of: "controller's representative (Art 27)")
        }
        if let dpo = policy.dpo { items += contactItems(dpo, of: "DPO") }
        return items
    }

    /// Art 13(1)(c)–(d), 13(2)(c), (e) and (f): a purpose, its lawful basis and Article 9 condition,
    /// the legitimate interest, how to withdraw consent, whether the data must be given and what
    /// follows if not, and the automated decision made for it.
    static func purposeItems(_ purpose: Purpose) -> [Item] {
        let what = "purpose \(purpose.id)"
        let place = Item.Place.under(purpose.name)
        var items = [Item("\(what): name", purpose.name, in: .heading)]
        if let description = given(purpose.description) {
            items.append(Item("\(what): description", description, in: place))
        }
        if let basis = purpose.lawfulBasis {
            // The basis in words, its citation beside it rather than in the sentence.
            items.append(Item("\(what): lawful basis", "\(basis.title).", in: place))
            items.append(Item("\(what): lawful basis cited", basis.reference, in: place))
            items.append(Item("\(what): lawful basis explained", basis.plainEnglish, in: place))
            if basis == .legitimateInterests, let interest = given(purpose.legitimateInterest) {
                items.append(Item("\(what): legitimate interest", interest, in: place))
            }
            if basis == .recognisedLegitimateInterest, let interest = purpose.recognisedInterest {
                items.append(Item("\(what): recognised interest", interest.plainEnglish, in: place))
            }
        }
        if let special = purpose.specialCategory, let condition = special.condition {
            items.append(Item("\(what): Article 9 condition", condition.reference, in: place))
            if let schedule1 = special.schedule1 {
                items.append(Item("\(what): Schedule 1 condition", schedule1.reference, in: place))
            }
        }
        if purpose.reliesOnConsent, let withdraw = given(purpose.consent?.withdraw) {
            items.append(Item("\(what): how to withdraw consent", withdraw, in: place))
        }
        if let requirement = purpose.requirement, requirement != .none {
            items.append(Item("\(what): whether the data must be given", requirement.plainEnglish, in: place))
        }
        if let consequence = given(purpose.consequence) {
            items.append(Item("\(what): consequence of not giving the data", consequence, in: place))
        }
        if let decision = purpose.automatedDecision {
            let parts: [(String, String?)] = [
                ("description", decision.description), ("logic", decision.logic),
                ("significance", decision.significance), ("consequences", decision.consequences),
                ("human review", decision.humanReview),
            ]
            items += parts.compactMap { part in
                given(part.1).map { Item("\(what): automated decision \(part.0)", $0, in: place) }
            }
        }
        return items
    }

    /// Art 13(1)(e)–(f): each recipient a purpose shares with and, outside the UK, its country, the
    /// transfer's safeguard (as the builder words its location) and how to get a copy.
    static func recipientItems(of policy: Policy) -> [Item] {
        policy.recipients.filter { !policy.purposes(sharingWith: $0).isEmpty }.flatMap { recipient -> [Item] in
            let what = "recipient \(recipient.id)"
            var items = [Item("\(what): name", recipient.name)]
            guard recipient.isOutsideUK else { return items }
            let safeguard = recipient.transfer.map { " (\($0.mechanism.title))" } ?? ""
            items.append(Item("\(what): country and transfer safeguard", recipient.countryCode + safeguard))
            if let copy = given(recipient.transfer?.copy) {
                items.append(Item("\(what): how to get a copy of the safeguard", copy))
            }
            return items
        }
    }

    /// Art 14(1)(d), 14(2)(f), 13(2)(a) and (e): for each record type that holds personal data, the
    /// categories held (its fields, with special categories and the consequence of not giving a
    /// field), where it comes from when not from the person, and each retention rule, in the
    /// retention table's row for the record.
    static func recordItems(of policy: Policy) -> [Item] {
        policy.recordTypes.filter { !$0.fields.isEmpty }.flatMap { record -> [Item] in
            let what = "record type \(record.id)"
            var items = [Item("\(what): name", record.name)]
            for field in record.fields {
                items.append(Item("\(what): field \(field.name)", field.displayLabel))
                if let special = policy.specialCategory(of: field.category) {
                    items.append(
                        Item("\(what): field \(field.name) special category", "special category: \(special.title)"))
                }
                if let consequence = given(field.consequence) {
                    items.append(Item("\(what): field \(field.name) consequence of not giving it", consequence))
                }
            }
            for source in record.effectiveSources where source.isThirdParty {
                let publicly = source.publiclyAccessible ? " (publicly available)" : ""
                let text = "\(record.name): from \(source.displayName)\(publicly)"
                items.append(Item("\(what): source \(source.displayName)", text))
            }
            for rule in policy.retentionRules(of: record) {
                items.append(Item("\(what): retention rule \(rule.id)", "\(record.name) \(rule.plainEnglish)"))
                if let authority = given(rule.authority) {
                    items.append(
                        Item("\(what): retention rule \(rule.id) authority", "\(rule.plainEnglish) \(authority)"))
                }
            }
            return items
        }
    }

    /// Art 13(2)(b)–(d) and (f): the rights, as the builder grants them from the lawful bases, and
    /// the right to complain to the ICO.
    static func rightsItems(of policy: Policy) -> [Item] {
        let purposes = policy.purposes
        func anyRelies(on bases: [LawfulBasis]) -> Bool {
            purposes.contains { purpose in purpose.lawfulBasis.map { bases.contains($0) } ?? false }
        }
        var items = [
            Item("right to complain to the Information Commissioner", "Information Commissioner"),
            Item("right of access", "Access"),
            Item("right to rectification", "Rectification"),
            Item("right to erasure", "Erasure"),
            Item("right to restriction", "Restriction"),
        ]
        if anyRelies(on: [.publicTask, .legitimateInterests, .recognisedLegitimateInterest]) {
            items.append(Item("right to object", "Objection"))
        }
        if purposes.contains(where: { $0.marketing != nil }) {
            items.append(Item("right to object to direct marketing", "Objection to direct marketing"))
        }
        if anyRelies(on: [.consent, .contract]) {
            items.append(Item("right to data portability", "Data portability"))
        }
        if purposes.contains(where: \.reliesOnConsent) {
            items.append(Item("right to withdraw consent", "Withdrawing consent"))
        }
        if purposes.contains(where: { $0.automatedDecision != nil }) {
            items.append(Item("rights about automated decisions", "Automated decisions"))
        }
        return items
    }

    /// A person's or office's name, role and each way to reach them.
    static func contactItems(_ details: ContactDetails, of who: String) -> [Item] {
        let parts: [(String, String?)] = [
            ("name", details.name), ("role", details.role), ("address", details.address),
            ("email", details.email), ("phone", details.phone), ("website", details.website),
        ]
        return parts.compactMap { part in given(part.1).map { Item("\(who): \(part.0)", $0) } }
    }

    /// The text, unless it is absent or blank.
    static func given(_ text: String?) -> String? {
        guard let text, !text.allSatisfy(\.isWhitespace) else { return nil }
        return text
    }

    /// The text with each run of white space, line breaks included, made one space.
    static func collapsingWhiteSpace(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

// MARK: - The rendered notice as text

extension NoticeCompletenessTests {
    /// A rendered notice read as a person reads it: HTML without its tags and with its entities
    /// decoded, Markdown without its escapes and markup, white space collapsed.
    struct RenderedNotice {
        /// The part under a level-4 heading, up to the next heading.
        struct Block {
            var heading: String
            var body: String
        }

        /// The whole notice as plain text.
        let text: String
        /// The parts under level-4 headings: purposes, records held, automated decisions.
        let blocks: [Block]

        init(_ loaded: LoadedPolicy, as format: NoticeFormat) throws {
            let notice = try PrivacyNoticeBuilder().notice(for: loaded)
            self.init(PrivacyNoticeRenderer().render(notice, as: format), format: format)
        }

        init(_ output: String, format: NoticeFormat) {
            switch format {
            case .html:
                text = Self.plainText(html: output)
                let parts = Self.headedParts(
                    of: output, opening: "<h4>", headingEnd: "</h4>", ends: ["<h3", "<h2", "</section>"])
                blocks = parts.map {
                    Block(heading: Self.plainText(html: $0.heading), body: Self.plainText(html: $0.body))
                }
            case .md:
                text = Self.plainText(markdown: output)
                let parts = Self.headedParts(
                    of: output, opening: "\n#### ", headingEnd: "\n", ends: ["\n### ", "\n## "])
                blocks = parts.map {
                    Block(heading: Self.plainText(markdown: $0.heading), body: Self.plainText(markdown: $0.body))
                }
            }
        }

        /// Whether the notice shows the item, where the item belongs.
        func shows(_ item: Item) -> Bool {
            switch item.place {
            case .anywhere: text.contains(item.text)
            case .heading: blocks.contains { $0.heading == item.text }
            case .under(let heading): blocks.contains { $0.heading == heading && $0.body.contains(item.text) }
            }
        }

        /// The raw parts after each `opening`: the heading up to `headingEnd`, the body up to the
        /// first of `ends` (or the next opening).
        private static func headedParts(
            of output: String, opening: String, headingEnd: String, ends: [String]
        ) -> [Block] {
            output.components(separatedBy: opening).dropFirst().compactMap { piece -> Block? in
                guard let close = piece.range(of: headingEnd) else { return nil }
                let rest = piece[close.upperBound...]
                let end = ends.compactMap { rest.range(of: $0)?.lowerBound }.min() ?? rest.endIndex
                return Block(heading: String(piece[..<close.lowerBound]), body: String(rest[..<end]))
            }
        }

        /// HTML as text: the inline stylesheet dropped, each tag made a space, entities decoded.
        static func plainText(html: String) -> String {
            var html = html
            if let open = html.range(of: "<style>"),
                let close = html.range(of: "</style>", range: open.upperBound..<html.endIndex)
            {
                html.removeSubrange(open.lowerBound..<close.upperBound)
            }
            var text = ""
            var inTag = false
            for character in html {
                if character == "<" {
                    inTag = true
                } else if character == ">" && inTag {
                    inTag = false
                    text.append(" ")
                } else if !inTag {
                    text.append(character)
                }
            }
            let decoded = text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#34;", with: "\"")
                .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&#x27;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
            return NoticeCompletenessTests.collapsingWhiteSpace(decoded)
        }

        /// Markdown as text: a backslash-escaped character kept as itself, emphasis markers
        /// dropped, table cell bars made spaces.
        static func plainText(markdown: String) -> String {
            var text = ""
            var escaped = false
            for character in markdown {
                if escaped {
                    text.append(character)
                    escaped = false
                    continue
                }
                switch character {
                case "\\": escaped = true
                case "*": break
                case "|": text.append(" ")
                default: text.append(character)
                }
            }
            return NoticeCompletenessTests.collapsingWhiteSpace(text)
        }
    }
}
