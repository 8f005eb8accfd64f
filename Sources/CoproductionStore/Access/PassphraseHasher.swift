import Crypto
import CryptoExtras
import Foundation

/// scrypt parameters, stored beside each hash so they can be raised later without
/// invalidating old secrets.
public struct ScryptParameters: Hashable, Sendable {
    /// CPU/memory cost (a power of two).
    public var n: Int
    /// Block size.
    public var r: Int
    /// Parallelism.
    public var p: Int

    /// Creates parameters.
    public init(n: Int, r: Int, p: Int) {
        self.n = n
        self.r = r
        self.p = p
    }

    /// The parameters new secrets are hashed with: N = 2^15, r = 8, p = 1 (32 MiB, about a
    /// tenth of a second here).
    public static let current = ScryptParameters(n: 1 << 15, r: 8, p: 1)
}

/// A hashed PIN or passphrase: never the secret itself.
public struct HashedSecret: Hashable, Sendable {
    /// The derived key.
    public var hash: Data
    /// The random per-user salt.
    public var salt: Data
    /// How it was derived.
    public var parameters: ScryptParameters
}

/// Hashes and checks PINs and passphrases with scrypt (swift-crypto's extras).
public enum PassphraseHasher {
    static let keyLength = 32

    /// Hashes a secret with a new random 16-byte salt.
    public static func hash(_ secret: String, parameters: ScryptParameters = .current) throws -> HashedSecret {
        let salt = Data((0..<16).map { _ in UInt8.random(in: 0...255) })
        return HashedSecret(hash: try derive(secret, salt: salt, parameters: parameters), salt: salt, parameters: parameters)
    }

    /// Whether `secret` matches, compared in constant time.
    public static func verify(_ secret: String, against stored: HashedSecret) throws -> Bool {
        let candidate = SymmetricKey(data: try derive(secret, salt: stored.salt, parameters: stored.parameters))
        // SymmetricKey's == compares in constant time.
        return candidate == SymmetricKey(data: stored.hash)
    }

    static func derive(_ secret: String, salt: Data, parameters: ScryptParameters) throws -> Data {
        let key = try KDF.Scrypt.deriveKey(from: Data(secret.utf8), salt: salt, outputByteCount: keyLength,
                                           rounds: parameters.n, blockSize: parameters.r, parallelism: parameters.p)
        return key.withUnsafeBytes { Data($0) }
    }
}
