#include "service/io/zip_archive.h"

#include <zip.h>

#include <array>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace sopu::io::internal {
namespace {

absl::Status Damaged() {
  return absl::InvalidArgumentError(
      "the file is damaged or incomplete (not a readable .xlsx or .ods "
      "archive); save it again from the spreadsheet program");
}

}  // namespace

void ZipArchive::Closer::operator()(zip* archive) const {
  zip_discard(archive);
}

absl::StatusOr<ZipArchive> ZipArchive::Open(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source =
      zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return Damaged();
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (archive == nullptr) {
    zip_source_free(source);
    return Damaged();
  }
  return ZipArchive(archive);
}

bool ZipArchive::Has(const std::string& name) const {
  return zip_name_locate(archive_.get(), name.c_str(), 0) >= 0;
}

absl::StatusOr<std::string> ZipArchive::Read(const std::string& name) {
  const zip_int64_t index = zip_name_locate(archive_.get(), name.c_str(), 0);
  if (index < 0) return absl::NotFoundError(name);
  zip_file_t* file =
      zip_fopen_index(archive_.get(), static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) return Damaged();
  struct FileCloser {
    zip_file_t* file;
    ~FileCloser() { zip_fclose(file); }
  } closer{file};
  std::string text;
  std::array<char, std::size_t{64} << 10U> buffer{};
  while (true) {
    const zip_int64_t got = zip_fread(file, buffer.data(), buffer.size());
    if (got < 0) return Damaged();
    if (got == 0) break;
    unpacked_ += static_cast<std::size_t>(got);
    if (unpacked_ > kMaxUnpackedBytes) {
      return absl::InvalidArgumentError(absl::StrCat(
          "the spreadsheet unpacks to more than ", kMaxUnpackedBytes >> 20U,
          " MiB, more than sopu reads; save the sheet as CSV UTF-8"));
    }
    text.append(buffer.data(), static_cast<std::size_t>(got));
  }
  return text;
}

}  // namespace sopu::io::internal
