import CustosCore
import Foundation
import Testing

@Suite("UUID text")
struct UUIDTextTests {
    @Test("reads every UUID Foundation writes, in either case, and refuses anything malformed")
    func parse() {
        for _ in 0..<500 {
            let id = UUID()
            #expect(UUIDText.parse(id.uuidString) == id)
            #expect(UUIDText.parse(id.uuidString.lowercased()) == id)
        }
        let good = "E621E1F8-C36C-495A-93FC-0C247A3E6E5F"
        for bad in [
            "", "E621E1F8-C36C-495A-93FC-0C247A3E6E5", good + "0", "E621E1F8C36C-495A-93FC-0C247A3E6E5F0",
            "E621E1F8-C36C-495A-93FC-0C247A3E6E5G", "E621E1F8-C36C-495A-93FC_0C247A3E6E5F",
            "E621E1F8-C36C-495A-93FC-0C247A3E6É5F", "-621E1F8-C36C-495A-93FC-0C247A3E6E5F", "not-a-uuid",
        ] {
            #expect(UUIDText.parse(bad) == nil, "\(bad)")
        }
    }

    @Test("writes the text Foundation writes")
    func write() {
        for _ in 0..<500 {
            let id = UUID()
            #expect(UUIDText.text(of: id) == id.uuidString)
            #expect(UUIDText.parse(UUIDText.text(of: id)) == id)
        }
        #expect(
            UUIDText.text(of: UUID(uuid: (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 254, 255)))
                == "00010203-0405-0607-0809-0A0B0C0DFEFF")
    }
}
