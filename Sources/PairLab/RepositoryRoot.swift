import Foundation

/// Finds the pgpair checkout a benchmark writes its results into: the nearest directory, from a starting point
/// upwards, that holds `Package.swift` and `docs/benchmarks/`. `pgpair-lab bench all` starts from its executable
/// (`.build/release/pgpair-lab` lies inside the checkout), then from the working directory.
public enum RepositoryRoot {
    /// The first checkout found above any of `starts` (tried in order); nil when none is.
    public static func find(from starts: [String], fileManager: FileManager = .default) -> String? {
        for start in starts {
            var directory = URL(fileURLWithPath: start).standardizedFileURL
            while true {
                var isDirectory: ObjCBool = false
                let hasDocs =
                    fileManager.fileExists(
                        atPath: directory.appendingPathComponent("docs/benchmarks").path,
                        isDirectory: &isDirectory) && isDirectory.boolValue
                if hasDocs && fileManager.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                    return directory.path
                }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        return nil
    }

    /// Where this process starts looking: the running executable's directory, then the working directory.
    public static var defaultStarts: [String] {
        [LabExecutables.runningDirectory(), FileManager.default.currentDirectoryPath]
    }
}
