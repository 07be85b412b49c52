public enum PairCoreVersion { public static let protocolVersion = 1 }
