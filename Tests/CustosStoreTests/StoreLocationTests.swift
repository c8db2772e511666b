import CustosDeployment
import CustosPostgres
import CustosSQLite
import CustosServices
import Foundation
import Testing

@Suite("Where the data lives")
struct StoreLocationTests {
    @Test("PostgreSQL URLs are read, and a printed URL hides the password")
    func postgresURL() throws {
        let url = try PostgresConnectionURL("postgres://custos:s3cr%40t@db.example:6543/custos?sslmode=require")
        #expect(url.host == "db.example")
        #expect(url.port == 6543)
        #expect(url.username == "custos")
        #expect(url.password == "s3cr@t")
        #expect(url.database == "custos")
        #expect(url.sslMode == "require")
        #expect(url.description == "postgres://custos@db.example:6543/custos")
        let location = try StoreLocation(
            dataDirectory: "", databaseURL: "postgres://custos:s3cr%40t@db.example:6543/custos?sslmode=require")
        #expect(!"\(location)".contains("s3cr"))
        let socket = try PostgresConnectionURL("postgresql://custos@localhost/custos?host=/var/run/postgresql")
        #expect(socket.socketDirectory == "/var/run/postgresql")
        #expect(socket.port == 5432)
    }

    @Test(
        "unusable database URLs are refused with the reason",
        arguments: [
            ("mysql://u@h/db", "expected postgres://user:password@host:port/database"),
            ("postgres://h/db", "no user name"),
            ("postgres://u@h", "no database name after the host"),
            ("postgres://u@h/db?sslmode=maybe", "sslmode must be disable, prefer or require"),
        ])
    func badURLs(_ text: String, _ reason: String) {
        let error = #expect(throws: StoreError.self) { try PostgresConnectionURL(text) }
        #expect(error?.message == "the database URL is not usable: \(reason)")
    }

    @Test("--database wins over --data")
    func precedence() throws {
        guard case .postgres = try StoreLocation(dataDirectory: "./d", databaseURL: "postgres://u@h/db") else {
            Issue.record("expected PostgreSQL")
            return
        }
        guard case .sqlite(let folder) = try StoreLocation(dataDirectory: "./d", databaseURL: nil) else {
            Issue.record("expected SQLite")
            return
        }
        #expect(folder.lastPathComponent == "d")
    }

    @Test("the SQLite data folder is private to its owner")
    func folderPermissions() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("custos-perm-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SQLiteStore(directory: folder)
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        let file = try FileManager.default.attributesOfItem(
            atPath: folder.appendingPathComponent(SQLiteStore.fileName).path)
        #expect((file[.posixPermissions] as? Int) == 0o600)
    }

    @Test("SQLite's page caches are set from the environment, and a value out of range is refused by name")
    func sqliteMemorySettings() throws {
        #expect(try SQLiteMemorySettings(environment: [:]) == .standard)
        #expect(SQLiteMemorySettings.standard.mostCacheMiB == 32)
        let settings = try SQLiteMemorySettings(environment: [
            "CUSTOS_SQLITE_WRITER_CACHE_MIB": "64", "CUSTOS_SQLITE_READER_CACHE_MIB": " 8 ",
            "CUSTOS_SQLITE_READERS": "2",
        ])
        #expect(settings == SQLiteMemorySettings(writerCacheMiB: 64, readerCacheMiB: 8, readers: 2))
        for (name, value) in [
            ("CUSTOS_SQLITE_READER_CACHE_MIB", "0"), ("CUSTOS_SQLITE_WRITER_CACHE_MIB", "lots"),
            ("CUSTOS_SQLITE_READERS", "65"),
        ] {
            #expect(throws: SQLiteSettingError.self) { try SQLiteMemorySettings(environment: [name: value]) }
            do {
                _ = try SQLiteMemorySettings(environment: [name: value])
            } catch {
                #expect(error.description.hasPrefix("\(name): '\(value)' is not a whole number"))
            }
        }
        // The store opens with them.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("custos-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SQLiteStore(directory: folder, memory: settings)
    }
}
