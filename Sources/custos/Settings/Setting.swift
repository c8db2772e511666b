/// One setting of a Custos installation: its key in the configuration file, the environment
/// variable that overrides the file, the command-line option that overrides both, its default, and
/// whether it is a secret (never printed). ``all`` is the list `custos config check` prints and
/// docs/configuration.md documents.
struct Setting: Sendable, Hashable {
    /// The key in the configuration file: `mail.url` is `url:` under `mail:`.
    let key: String
    /// The environment variable that overrides the file.
    let environment: String
    /// The option that overrides both, on the commands that take it.
    let flag: String?
    /// The default, in words.
    let defaultValue: String
    /// Whether the value may hold a password or token.
    let isSecret: Bool

    init(_ key: String, _ environment: String, flag: String? = nil, default defaultValue: String, secret: Bool = false)
    {
        self.key = key
        self.environment = environment
        self.flag = flag
        self.defaultValue = defaultValue
        self.isSecret = secret
    }

    static let host = Setting("server.host", "CUSTOS_HOST", flag: "--host", default: "127.0.0.1")
    static let port = Setting("server.port", "CUSTOS_PORT", flag: "--port", default: "8080")
    static let publicURL = Setting(
        "server.public_url", "CUSTOS_PUBLIC_URL", flag: "--public-url", default: "http://127.0.0.1:8080")
    static let trustedProxies = Setting(
        "server.trusted_proxies", "CUSTOS_TRUSTED_PROXIES", flag: "--trusted-proxy", default: "none")
    static let data = Setting("storage.data", "CUSTOS_DATA", flag: "--data", default: "./custos-data")
    static let database = Setting(
        "storage.database_url", "CUSTOS_DATABASE_URL", flag: "--database", default: "none (SQLite in the data folder)",
        secret: true)
    static let keyFile = Setting(
        "keys.file", "CUSTOS_KEY_FILE", flag: "--key-file",
        default: "master.key in the data folder (./custos-master.key with a database)")
    static let keyCommand = Setting(
        "keys.command", "CUSTOS_MASTER_KEY_COMMAND", default: "none (the key file)", secret: true)
    static let mailURL = Setting(
        "mail.url", "CUSTOS_MAIL_URL", flag: "--mail", default: "the outbox folder in the data folder", secret: true)
    static let mailFrom = Setting(
        "mail.from", "CUSTOS_MAIL_FROM", flag: "--mail-from", default: "each policy's controller (else DPO) email")
    static let metricsAddress = Setting(
        "metrics.address", "CUSTOS_METRICS_ADDRESS", flag: "--metrics-address",
        default: "none (on the server's address when a token is set)")
    static let metricsToken = Setting("metrics.token", "CUSTOS_METRICS_TOKEN", default: "none", secret: true)
    static let backupFolder = Setting(
        "backups.folder", "CUSTOS_BACKUP_FOLDER", flag: "--backup-folder", default: "none (no scheduled backups)")
    static let backupEveryHours = Setting(
        "backups.every_hours", "CUSTOS_BACKUP_EVERY_HOURS", flag: "--backup-every-hours", default: "24")
    static let backupKeepDays = Setting(
        "backups.keep_days", "CUSTOS_BACKUP_KEEP_DAYS", flag: "--backup-keep-days", default: "30")
    static let logFormat = Setting("log.format", "CUSTOS_LOG_FORMAT", default: "text")
    static let logLevel = Setting("log.level", "LOG_LEVEL", default: "info")
    static let sqliteWriterCache = Setting(
        "sqlite.writer_cache_mib", "CUSTOS_SQLITE_WRITER_CACHE_MIB", default: "16")
    static let sqliteReaderCache = Setting(
        "sqlite.reader_cache_mib", "CUSTOS_SQLITE_READER_CACHE_MIB", default: "2")
    static let sqliteReaders = Setting("sqlite.readers", "CUSTOS_SQLITE_READERS", default: "4")

    /// Every setting, in the order of the configuration file.
    static let all: [Setting] = [
        host, port, publicURL, trustedProxies, data, database, keyFile, keyCommand, mailURL, mailFrom,
        metricsAddress, metricsToken, backupFolder, backupEveryHours, backupKeepDays, logFormat, logLevel,
        sqliteWriterCache, sqliteReaderCache, sqliteReaders,
    ]

    /// The settings that code below the command line reads from the environment itself (the
    /// SQLite page caches, the key command): a value from the file is put in the environment.
    static let readFromEnvironment: [Setting] = [keyCommand, sqliteWriterCache, sqliteReaderCache, sqliteReaders]
}
