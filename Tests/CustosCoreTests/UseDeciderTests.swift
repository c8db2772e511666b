import CustosCore
import CustosTestSupport
import Foundation
import Testing

/// The door's decision, rule by rule, on the example policies: each rule refuses where it should
/// and nowhere else.
@Suite("The door's decision")
struct UseDeciderTests {
    let subject = UUID()
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    func decider(_ example: String) throws -> UseDecider {
        UseDecider(policy: try PolicyLoader.load(contentsOf: Repository.example(example)).policy)
    }

    func consent(
        _ action: ConsentAction, _ purpose: String, channel: MarketingChannel? = nil, at offset: TimeInterval = 0
    )
        -> ConsentEntry
    {
        ConsentEntry(
            subjectID: subject, purpose: purpose, channel: channel, list: nil, action: action, wording: nil,
            policyVersion: 1, source: .webForm, recordedBy: "subject", recordedAt: now + offset)
    }

    func state(_ state: ProcessingState, _ purpose: String?, at offset: TimeInterval = 0) -> ProcessingStateEntry {
        ProcessingStateEntry(
            subjectID: subject, purpose: purpose, state: state, reason: "test", recordedBy: "test",
            recordedAt: now + offset)
    }

    func use(
        _ role: StaffRole, _ action: AccessAction, _ purpose: String, _ type: String,
        ground: RestrictedUseGround? = nil
    ) -> DataUse {
        DataUse(role: role, action: action, purpose: purpose, recordType: type, restrictedUseGround: ground)
    }

    /// A member of staff's read.
    func use(_ purpose: String, _ type: String, ground: RestrictedUseGround? = nil) -> DataUse {
        use(.staff, .read, purpose, type, ground: ground)
    }

    let nobody = PersonStanding(consents: [], processing: [])

    @Test("a purpose the policy does not have is refused, listing those the role may use")
    func unknownPurpose() throws {
        let refusal = try #require(
            try decider("ashe").decide(use("nonsense", "member_contact"), standing: nobody).refusal)
        #expect(refusal.code == .unknownPurpose)
        #expect(refusal.message.contains("booking_admin"))
        #expect(refusal.message.contains("nonsense"))
        let required = try decider("ashe").purposeRequired(role: .staff, action: .read)
        #expect(required.code == .purposeRequired)
        #expect(required.message.contains("guidance_updates"))
    }

    @Test("a record type is used only for the purposes it is kept for")
    func recordTypePurpose() throws {
        let ashe = try decider("ashe")
        #expect(
            ashe.decide(use("access_needs", "member_contact"), standing: nobody).refusal?.code == .purposeNotAllowed)
        #expect(ashe.decide(use("access_needs", "booking"), standing: nobody).refusal == nil)
    }

    @Test("a role whose access rules name a purpose uses the type for that purpose only (BEP's leaders)")
    func rolePurpose() throws {
        let bep = try decider("bep")
        #expect(
            bep.decide(use(.schoolLeader, .read, "colleague_visibility", "registered_user"), standing: nobody).refusal
                == nil)
        let refusal = bep.decide(use(.schoolLeader, .read, "eligibility_checks", "registered_user"), standing: nobody)
            .refusal
        #expect(refusal?.code == .purposeNotAllowed)
        #expect(refusal?.message.contains("only for colleague_visibility") == true)
        #expect(
            bep.decide(use(.staff, .read, "eligibility_checks", "registered_user"), standing: nobody).refusal == nil)
        #expect(
            bep.decide(use(.auditor, .update, "service_delivery", "registered_user"), standing: nobody).refusal?.code
                == .purposeNotAllowed)
        #expect(bep.purposes(of: .schoolLeader, .read) == ["service_delivery", "colleague_visibility"])
    }

    @Test("an objection stops the purpose it names, and no other")
    func objection() throws {
        let ashe = try decider("ashe")
        let objected = PersonStanding(consents: [], processing: [state(.objected, "guidance_updates")])
        #expect(ashe.decide(use("guidance_updates", "member_contact"), standing: objected).refusal?.code == .objected)
        #expect(ashe.decide(use("booking_admin", "member_contact"), standing: objected).refusal == nil)
        let lifted = PersonStanding(
            consents: [],
            processing: [state(.objected, "guidance_updates"), state(.active, "guidance_updates", at: 60)])
        #expect(ashe.decide(use("guidance_updates", "member_contact"), standing: lifted).refusal == nil)
    }

    @Test("a restriction stores only: a read names an Art 18(2) ground, a change is never made")
    func restriction() throws {
        let ashe = try decider("ashe")
        let everything = PersonStanding(consents: [], processing: [state(.restricted, nil)])
        #expect(ashe.decide(use("booking_admin", "member_contact"), standing: everything).refusal?.code == .restricted)
        #expect(
            ashe.decide(use("booking_admin", "member_contact", ground: .legalClaims), standing: everything).refusal
                == nil)
        let change = ashe.decide(
            use(.staff, .update, "booking_admin", "member_contact", ground: .legalClaims), standing: everything)
        #expect(change.refusal?.code == .restricted)
        #expect(change.refusal?.message.contains("rectification request") == true)
        let one = PersonStanding(consents: [], processing: [state(.restricted, "marketing")])
        #expect(ashe.decide(use("booking_admin", "member_contact"), standing: one).refusal == nil)
        #expect(ashe.decide(use(.staff, .update, "booking_admin", "member_contact"), standing: .new).refusal == nil)
    }

    @Test("a purpose on consent needs it in force; a withdrawal of every channel ends it; a new person is being asked")
    func consentRule() throws {
        let ashe = try decider("ashe")
        #expect(ashe.decide(use("marketing", "member_contact"), standing: nobody).refusal?.code == .consentMissing)
        let given = PersonStanding(consents: [consent(.given, "marketing", channel: .email)], processing: [])
        #expect(ashe.decide(use("marketing", "member_contact"), standing: given).refusal == nil)
        let withdrawn = PersonStanding(
            consents: [consent(.given, "marketing", channel: .email), consent(.withdrawn, "marketing", at: 60)],
            processing: [])
        #expect(ashe.decide(use("marketing", "member_contact"), standing: withdrawn).refusal?.code == .consentMissing)
        #expect(ashe.decide(use("booking_admin", "member_contact"), standing: withdrawn).refusal == nil)
        #expect(ashe.decide(use(.staff, .update, "marketing", "member_contact"), standing: .new).refusal == nil)
    }

    @Test("consent the policy says is implied (ASSET's, through the schools) holds until it is withdrawn")
    func impliedConsent() throws {
        let asset = try decider("asset")
        let analysis = use("pupil_analysis", "pupil_assessment")
        #expect(asset.decide(analysis, standing: nobody).refusal == nil)
        let withdrawn = PersonStanding(consents: [consent(.withdrawn, "pupil_analysis")], processing: [])
        #expect(asset.decide(analysis, standing: withdrawn).refusal?.code == .consentMissing)
        let givenAgain = PersonStanding(
            consents: [consent(.withdrawn, "pupil_analysis"), consent(.given, "pupil_analysis", at: 60)],
            processing: [])
        #expect(asset.decide(analysis, standing: givenAgain).refusal == nil)
    }

    @Test(
        "Hutton's research uses pupils pseudonymised unless their parents agreed; fields kept for other purposes are withheld"
    )
    func withheldFields() throws {
        let hutton = try decider("hutton")
        let research = hutton.decide(use(.dpo, .read, "research", "pupil_record"), standing: nobody)
        #expect(research.refusal == nil, "pseudonymised research needs no consent; identifying them does")
        #expect(research.withheld.isSuperset(of: ["name", "date_of_birth", "upn", "address"]))
        #expect(research.withheld.contains("religion"), "religion is kept for education only")
        #expect(!research.withheld.contains("ethnicity"))
        let agreed = PersonStanding(consents: [consent(.given, "research")], processing: [])
        let identified = hutton.decide(use(.dpo, .read, "research", "pupil_record"), standing: agreed)
        #expect(!identified.withheld.contains("name"))
        let education = hutton.decide(use(.staff, .read, "education", "pupil_record"), standing: nobody)
        #expect(!education.withheld.contains("name"))
        #expect(education.withheld.contains("ethnicity"), "ethnicity is for statutory returns and research")
    }

    @Test("powers do not climb: a role grants only roles whose powers it holds")
    func powers() {
        #expect(StaffRole.dpo.holds(.approveErasures))
        #expect(!StaffRole.admin.holds(.approveErasures))
        #expect(!StaffRole.admin.holds(.recordCompellingGrounds))
        for maker in StaffRole.allCases {
            for role in StaffRole.allCases {
                #expect(maker.mayGrant(role) == role.powers.isSubset(of: maker.powers))
            }
            #expect(maker.mayGrant(.dpo) == (maker == .dpo))
        }
    }
}
