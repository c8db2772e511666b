public import CustosCore
import CustosStorage
public import Foundation
import ZIPFoundation

/// The zip a person receives: the report, the data and the table of an ``AccessPackage``, made
/// with ZIPFoundation in memory (nothing of the person's is left in a temporary file).
public enum AccessPackageArchive {
    /// The zip's bytes.
    public static func zip(_ package: AccessPackage, writer: AccessPackageWriter = AccessPackageWriter()) throws -> Data
    {
        try zip(files: writer.files(package))
    }

    /// The data a person may take elsewhere (Art 20): the data and the table, without the report.
    public static func portable(
        _ package: AccessPackage, writer: AccessPackageWriter = AccessPackageWriter()
    ) throws
        -> Data
    {
        try zip(files: [("data.json", try writer.json(package)), ("records.csv", Data(try writer.csv(package).utf8))])
    }

    private static func zip(files: [(name: String, data: Data)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (name, data) in files {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                provider: { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                })
        }
        guard let data = archive.data else { throw StoreError.corruptData("the access package could not be zipped") }
        return data
    }
}
