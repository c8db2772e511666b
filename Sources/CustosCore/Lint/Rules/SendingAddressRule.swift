/// A policy that takes requests or registrations online sends people a link to confirm their
/// address; with no address to send from, every one waits for ever for an email never sent.
public struct SendingAddressRule: PolicyRule {
    public let id = "sending-address"
    public let severity = FindingSeverity.error
    public let reference = "UK GDPR Art 12(2), 12(3)"
    public let summary =
        "A policy that takes requests or registrations online gives an address its emails come from (the controller's or the DPO's)."

    public init() {}

    public func check(_ policy: Policy) -> [RuleViolation] {
        guard policy.controller.email?.nonBlank == nil, policy.dpo?.email?.nonBlank == nil else { return [] }
        var violations: [RuleViolation] = []
        if let index = policy.rights.requestChannels.firstIndex(of: .web) {
            violations.append(
                RuleViolation(
                    .rights.key("request_channels").index(index),
                    "Requests are taken online, but neither the controller nor the DPO has an email address to send the confirmation link from: every online request would wait for a link never sent. Give controller.email (or dpo.email): an address people can also write to. A sender set on the server (CUSTOS_MAIL_FROM) sends the links meanwhile."
                ))
        }
        if policy.registration != nil {
            violations.append(
                RuleViolation(
                    .root.key("registration"),
                    "People register online, but neither the controller nor the DPO has an email address to send the confirmation link from. Give controller.email (or dpo.email): an address people can also write to. A sender set on the server (CUSTOS_MAIL_FROM) sends the links meanwhile."
                ))
        }
        return violations
    }
}
