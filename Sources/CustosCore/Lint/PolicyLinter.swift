/// Checks a policy against the rules of UK GDPR, the DPA 2018 and PECR.
public struct PolicyLinter: Sendable {
    public var rules: [any PolicyRule]

    public init(rules: [any PolicyRule] = PolicyLinter.standardRules) {
        self.rules = rules
    }

    /// Every finding, in file order (errors first where two share a line).
    public func findings(for loaded: LoadedPolicy) -> [PolicyFinding] {
        rules.flatMap { rule in
            rule.check(loaded.policy).map { violation in
                PolicyFinding(
                    rule: rule.id, severity: rule.severity, message: violation.message, reference: rule.reference,
                    path: violation.path, location: loaded.location(of: violation.path))
            }
        }
        .sorted { lhs, rhs in
            ((lhs.line ?? 0), (lhs.column ?? 0), lhs.severity, lhs.rule, lhs.path)
                < ((rhs.line ?? 0), (rhs.column ?? 0), rhs.severity, rhs.rule, rhs.path)
        }
    }

    /// The rules Custos checks by default.
    public static let standardRules: [any PolicyRule] = [
        ControllerIdentityRule(),
        ControllerContactRule(),
        PublicAuthorityStatusRule(),
        ICORegistrationRule(),
        DPORequiredRule(),
        DPOContactRule(),
        LawfulBasisRule(),
        PublicAuthorityLegitimateInterestsRule(),
        LegitimateInterestDescribedRule(),
        LegitimateInterestAssessmentRule(),
        RecognisedInterestConditionRule(),
        SpecialCategoryConditionRule(),
        Schedule1ConditionRule(),
        DisabilitySupportBodyRule(),
        AppropriatePolicyDocumentRule(),
        RequirementConsequenceRule(),
        ConsentWithdrawalRule(),
        ConsentValidityRule(),
        ConsentBasisUnavailableRule(),
        ChildOnlineConsentRule(),
        BiometricChildrenConsentRule(),
        ElectronicMarketingConsentRule(),
        AutomatedDecisionInformationRule(),
        AutomatedDecisionSpecialCategoryRule(),
        RecordTypeRetentionRule(),
        RetentionAuthorityRule(),
        RetentionFloorRule(statutory: true),
        RetentionFloorRule(statutory: false),
        RetentionPeriodStatedRule(),
        ProcessorAgreementRule(),
        InternationalTransferRule(),
        TransferSafeguardCopyRule(),
        TransferAdequacyRule(),
        SensitiveSharingDPIARule(),
        CookieConsentRule(),
        SubjectAccessFeeRule(),
        SendingAddressRule(),
        UnusedDefinitionRule(),
        UnconfirmedAssumptionRule(),
    ]
}
