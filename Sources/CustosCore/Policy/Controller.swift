/// The organisation that decides why and how the data is used (UK GDPR Art 4(7)).
///
/// Identity and contact are optional here so that the linter, not the loader, reports them missing.
public struct Controller: Sendable, Equatable, Decodable {
    /// The legal name, e.g. "Stat Solutions Ltd".
    public var name: String?
    /// The name people know, e.g. "ASSET for Schools".
    public var shortName: String?
    public var kind: ControllerKind
    /// Whether the controller is a public authority (maintained schools, academies, local
    /// authorities are): it must then appoint a DPO and cannot use legitimate interests for its tasks.
    public var publicAuthority: Bool?
    /// Whether the controller is a not-for-profit body.
    public var notForProfit: Bool
    /// Whether the controller is a not-for-profit body that supports people with a particular
    /// disability or medical condition (the only bodies DPA 2018 Sch 1 para 16 serves).
    public var disabilitySupportBody: Bool
    /// The nation it works in, for its bank holidays (England when not stated).
    public var nation: Nation?
    public var address: String?
    public var email: String?
    public var phone: String?
    public var website: String?
    /// The number on the ICO's register of fee payers.
    public var icoRegistration: String?
    public var companyNumber: String?
    public var charityNumber: String?
    /// Where the appropriate policy document that Schedule 1 conditions need is kept.
    public var appropriatePolicyDocument: String?
    /// The technical and organisational security measures (Art 30(1)(g)), in a sentence or two.
    public var securityMeasures: String?
    /// Where the personal data is held, e.g. "UK".
    public var dataLocation: String?
    /// The UK representative of a controller based abroad (Art 27).
    public var representative: ContactDetails?
    /// Joint controllers (Art 26).
    public var jointControllers: [ContactDetails]
    /// A note that some of this was not stated by the organisation and needs confirming.
    public var assumed: String?

    /// The name to use in sentences: the short name, else the legal name.
    public var displayName: String {
        shortName?.nonBlank ?? name?.nonBlank ?? "the controller"
    }

    /// The controller's own contact details, as one value.
    public var contact: ContactDetails {
        ContactDetails(name: name, email: email, phone: phone, address: address, website: website)
    }
}
