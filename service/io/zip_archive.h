// ZipArchive: reads the parts of an .xlsx or .ods file (a ZIP archive) from
// memory with libzip, never unpacking more than kMaxUnpackedBytes in all, so
// that a small "zip bomb" cannot exhaust memory.
#ifndef SOPU_SERVICE_IO_ZIP_ARCHIVE_H_
#define SOPU_SERVICE_IO_ZIP_ARCHIVE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

struct zip;

namespace sopu::io::internal {

// kMaxUnpackedBytes: the most a spreadsheet may unpack to, all parts read
// together (a sheet of 10 000 participants is a few MiB).
inline constexpr std::size_t kMaxUnpackedBytes = std::size_t{64} << 20U;

class ZipArchive {
 public:
  // Open reads the archive's directory. `bytes` must outlive the archive.
  // Error: InvalidArgument "the file is damaged ...".
  [[nodiscard]] static absl::StatusOr<ZipArchive> Open(std::string_view bytes);

  // Has is true when the archive holds a part named `name`.
  [[nodiscard]] bool Has(const std::string& name) const;

  // Read unpacks part `name`. Errors: NotFound (no such part),
  // InvalidArgument (damaged, or more than kMaxUnpackedBytes unpacked so
  // far). O(part size).
  [[nodiscard]] absl::StatusOr<std::string> Read(const std::string& name);

 private:
  struct Closer {
    void operator()(zip* archive) const;
  };
  explicit ZipArchive(zip* archive) : archive_(archive) {}

  std::unique_ptr<zip, Closer> archive_;
  std::size_t unpacked_ = 0;
};

}  // namespace sopu::io::internal

#endif  // SOPU_SERVICE_IO_ZIP_ARCHIVE_H_
