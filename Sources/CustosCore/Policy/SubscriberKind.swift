/// Who marketing goes to: individual subscribers (PECR reg 22 applies) or corporate ones
/// (work addresses of companies and public bodies, reg 22 does not).
public enum SubscriberKind: String, PolicyKeyword, ImpliedWhenAbsent {
    case individual
    case corporate

    static var impliedValue: SubscriberKind { .individual }
}
