extension MarketingChannel {
    /// The identifier kind that holds this channel's address (`email`, or `phone` for SMS, phone
    /// and fax); `nil` for post, whose address is not an identifier.
    public var identifierKind: String? {
        switch self {
        case .email: "email"
        case .sms, .phone, .fax: "phone"
        case .post: nil
        }
    }
}
