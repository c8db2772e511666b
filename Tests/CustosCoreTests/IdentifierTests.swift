import CustosCore
import Testing

@Suite("School identifiers and contact details")
struct IdentifierTests {
    @Test("UPNs: the RULES.md examples pass; a wrong check letter, LA code or length fails")
    func upn() {
        #expect(UniquePupilNumber.problem(with: "B801200005001") == nil)
        #expect(UniquePupilNumber.problem(with: "P207000016049") == nil)
        #expect(UniquePupilNumber.problem(with: "p207 0000 16049") == nil)
        #expect(UniquePupilNumber.problem(with: "Q207000016049") == "the check letter does not match")
        #expect(UniquePupilNumber.problem(with: "A801200005001") == "the check letter does not match")
        #expect(UniquePupilNumber.problem(with: "B80120000500") == "a UPN has 13 characters")
        #expect(UniquePupilNumber.problem(with: "I801200005001") == "a UPN starts with a check letter")
        // 999 is no local authority's code.
        #expect(UniquePupilNumber.problem(with: "A999200005001")?.contains("local authority") == true)
        #expect(UniquePupilNumber.isValidLACode(420))
        #expect(!UniquePupilNumber.isValidLACode(421))
    }

    @Test("a UPN holding characters beyond ASCII is counted by its characters and refused by the rule it breaks")
    func upnBeyondASCII() {
        // A full-width zero and an Arabic-Indic three look like digits and are not a UPN's.
        #expect(UniquePupilNumber.problem(with: "B8012000050\u{FF10}1") == "characters 2 to 12 of a UPN are digits")
        #expect(
            UniquePupilNumber.problem(with: "B80120000500\u{663}")
                == "a UPN ends in a digit, or a letter for a temporary UPN")
        #expect(UniquePupilNumber.problem(with: "\u{C9}801200005001") == "a UPN starts with a check letter")
        // An accent joined to a letter is one character: thirteen in all, and no check letter.
        #expect(UniquePupilNumber.problem(with: "E\u{301}801200005001") == "a UPN starts with a check letter")
        #expect(UniquePupilNumber.problem(with: "B8012000050\u{FF10}") == "a UPN has 13 characters")
    }

    @Test("a temporary UPN ends in a letter and is checked the same way")
    func temporaryUPN() {
        // Built by the algorithm: serial "01" then the letter A (value 0).
        let body = Array("801200005 01A".filter { $0 != " " })
        var sum = 0
        for (offset, character) in body.enumerated() {
            sum += (offset + 2) * (character.wholeNumberValue ?? 0)
        }
        let letters = Array("ABCDEFGHJKLMNPQRTUVWXYZ")
        let upn = String(letters[sum % 23]) + String(body)
        #expect(UniquePupilNumber.problem(with: upn) == nil)
    }

    @Test("ULNs: 9276308686 passes; a changed digit or a leading 0 fails")
    func uln() {
        #expect(UniqueLearnerNumber.problem(with: "9276308686") == nil)
        #expect(UniqueLearnerNumber.problem(with: "9276308687") == "the check digit does not match")
        #expect(UniqueLearnerNumber.problem(with: "0276308686") == "a ULN does not start with 0")
        #expect(UniqueLearnerNumber.problem(with: "927630868") == "a ULN has 10 digits")
    }

    @Test("URNs are six digits")
    func urn() {
        #expect(SchoolURN.problem(with: "117480") == nil)
        #expect(SchoolURN.problem(with: "11748") != nil)
        #expect(SchoolURN.problem(with: "11748A") != nil)
    }

    @Test(
        "UK phone numbers written any usual way become one form; others are refused",
        arguments: [
            ("01992 586 412", "+441992586412"), ("+44 (0)1992 586412", "+441992586412"),
            ("07700 900123", "+447700900123"), ("0044 7700 900123", "+447700900123"),
            ("+447700900123", "+447700900123"),
        ])
    func phone(_ written: String, _ kept: String) {
        #expect(UKPhoneNumber.normalised(written) == kept)
    }

    @Test("not UK phone numbers", arguments: ["12345", "+33 1 23 45 67 89", "0800 CALL NOW", "07700 9001234567", ""])
    func notPhone(_ text: String) {
        #expect(UKPhoneNumber.normalised(text) == nil)
    }

    @Test("email addresses are trimmed and lower-cased; malformed ones are refused")
    func email() {
        #expect(EmailAddress.normalised(" Head@School.Herts.SCH.uk ") == "head@school.herts.sch.uk")
        for bad in [
            "head", "head@", "@school.uk", "head@school", "head@@school.uk", "he ad@school.uk", "head@-school.uk",
        ] {
            #expect(EmailAddress.normalised(bad) == nil, "\(bad)")
        }
    }

    @Test("postcodes")
    func postcode() {
        #expect(UKPostcode.normalised("sg137dg") == "SG13 7DG")
        #expect(UKPostcode.normalised("EC1A 1BB") == "EC1A 1BB")
        #expect(UKPostcode.normalised("12345") == nil)
    }

    @Test("payment card numbers are found in any text, with or without spaces or hyphens")
    func cards() {
        #expect(PaymentCardNumber.occurs(in: "4111111111111111"))
        #expect(PaymentCardNumber.occurs(in: "paid with 4111 1111 1111 1111 exp 12/28"))
        #expect(PaymentCardNumber.occurs(in: "5500-0000-0000-0004"))
        #expect(PaymentCardNumber.occurs(in: "amex 378282246310005"))
        #expect(PaymentCardNumber.occurs(in: "order 12, card 4111 1111 1111 1111- thanks"))
        #expect(PaymentCardNumber.occurs(in: "ref 4111 1111 1111 1112 then 5500000000000004"))
        // Fails Luhn, too short, too long, a phone number, a UPN.
        #expect(!PaymentCardNumber.occurs(in: "4111 1111 1111 1112"))
        #expect(!PaymentCardNumber.occurs(in: "411111111111"))
        #expect(!PaymentCardNumber.occurs(in: "41111111111111111111111"))
        #expect(!PaymentCardNumber.occurs(in: "01992 586412"))
        #expect(!PaymentCardNumber.occurs(in: "B801200005001"))
    }
}
