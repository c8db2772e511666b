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
}
