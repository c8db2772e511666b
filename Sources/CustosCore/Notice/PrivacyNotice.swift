/// The privacy notice of Articles 13 and 14, as data ready to render: one section per kind of
/// person, so that a parent reads what concerns parents.
///
/// Every property is stored (templates read values by reflection).
public struct PrivacyNotice: Sendable, Equatable {
    public struct Contact: Sendable, Equatable {
        public var name: String?
        public var lines: [Line]
    }

    /// One labelled line of contact details, e.g. Email: dpo@example.org.
    public struct Line: Sendable, Equatable {
        public var label: String
        public var value: String
        public var href: String?
    }

    public struct Field: Sendable, Equatable {
        public var label: String
        public var level: String
        public var isRequired: Bool
        public var consequence: String?
        /// The Article 9 category, for special-category data.
        public var special: String?
        public var reason: String?
    }

    public struct HeldRecord: Sendable, Equatable {
        public var name: String
        public var description: String?
        public var fields: [Field]
    }

    public struct Source: Sendable, Equatable {
        public var recordName: String
        public var name: String
        public var publiclyAccessible: Bool
    }

    public struct PurposeItem: Sendable, Equatable {
        public var name: String
        public var description: String?
        public var basis: String
        public var basisReference: String
        public var basisExplanation: String
        public var legitimateInterest: String?
        public var recognisedInterest: String?
        public var specialCondition: String?
        public var requirement: String?
        public var consequence: String?
        public var withdraw: String?
        public var marketingChannels: String?
        public var lists: String?
    }

    public struct RecipientItem: Sendable, Equatable {
        public var name: String
        public var kind: String
        public var why: String
        public var location: String
        public var when: String?
    }

    public struct RetentionItem: Sendable, Equatable {
        public var recordName: String
        public var period: String
        public var authority: String?
    }

    public struct DecisionItem: Sendable, Equatable {
        public var purpose: String
        public var description: String?
        public var logic: String
        public var significance: String
        public var consequences: String
        public var humanReview: String?
    }

    public struct Right: Sendable, Equatable {
        public var title: String
        public var description: String
    }

    /// The notice's first layer for one kind of person: what is held, why, who it goes to and
    /// how long it is kept, each in a line, before the detail.
    public struct Summary: Sendable, Equatable {
        public var held: String
        public var why: String
        public var shared: String
        public var kept: String
        public var rights: String
    }

    /// Everything that concerns one kind of person.
    public struct Section: Sendable, Equatable {
        /// An anchor for links, e.g. `pupil`.
        public var id: String
        /// The heading, e.g. "Pupils".
        public var name: String
        public var description: String?
        public var held: [HeldRecord]
        public var sources: [Source]
        public var hasSources: Bool
        public var purposes: [PurposeItem]
        public var recipients: [RecipientItem]
        public var hasRecipients: Bool
        public var retention: [RetentionItem]
        public var decisions: [DecisionItem]
        public var hasDecisions: Bool
        public var rights: [Right]
        /// The one-screen summary shown first.
        public var summary: Summary
    }

    public struct Transfer: Sendable, Equatable {
        public var recipient: String
        public var country: String
        public var mechanism: String
        public var copy: String?
    }

    public struct CookieItem: Sendable, Equatable {
        public var name: String
        public var provider: String?
        public var purpose: String
        public var category: String
        public var expiry: String
        public var party: String
        public var needsConsent: Bool
    }

    public var title: String
    public var controllerName: String
    public var introduction: String?
    public var controller: Contact
    public var dpo: Contact?
    /// The controller's representative in the UK, for a controller based abroad (Art 13(1)(a), 27).
    public var representative: Contact?
    public var sections: [Section]
    public var transfers: [Transfer]
    public var hasTransfers: Bool
    public var cookies: [CookieItem]
    public var hasCookies: Bool
    /// How to make a request: channels, deadline, fees, identity checks.
    public var requests: [String]
    public var requestContact: Contact
    public var withheld: [String]
    public var hasWithheld: Bool
    public var complaintsContact: Contact
    public var changes: String?
    public var lastUpdated: String?
    /// The policy version the notice was rendered from, e.g. "sha256:3f2a…".
    public var policyVersion: String?
}
