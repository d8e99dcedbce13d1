// replay_main: the stand-in for libFuzzer's main in normal (gcc) builds. Runs
// a fuzz target's LLVMFuzzerTestOneInput once on every file given on the
// command line, and on every regular file under each folder given (in sorted
// order), then prints how many inputs it replayed. CTest runs it over each
// target's seed corpus (fuzz/CMakeLists.txt), so the corpus is a regression
// test in every build, sanitized or not. Each input is copied into a buffer
// of exactly its size, so a sanitizer sees any read past its end.
//
// Exit status: 0 when every input ran (a finding aborts inside the target),
// 2 on a usage error or an unreadable file or folder.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <span>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size);

namespace {

namespace fs = std::filesystem;

// CollectInputs appends `arg` (a file) or the regular files under it (a
// folder, sorted); false when it is neither.
bool CollectInputs(const fs::path& arg, std::vector<fs::path>& inputs) {
  std::error_code error;
  if (fs::is_regular_file(arg, error)) {
    inputs.push_back(arg);
    return true;
  }
  if (!fs::is_directory(arg, error)) return false;
  std::vector<fs::path> found;
  for (const fs::directory_entry& entry :
       fs::recursive_directory_iterator(arg, error)) {
    if (entry.is_regular_file(error)) found.push_back(entry.path());
  }
  if (error) return false;
  std::sort(found.begin(), found.end());
  inputs.insert(inputs.end(), found.begin(), found.end());
  return true;
}

bool ReadBytes(const fs::path& path, std::vector<std::uint8_t>& bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  bytes.assign(std::istreambuf_iterator<char>(in),
               std::istreambuf_iterator<char>());
  return !in.bad();
}

}  // namespace

int main(int argc, char** argv) {
  const std::span<char*> args(argv, static_cast<std::size_t>(argc));
  if (args.size() < 2) {
    std::cerr << "usage: " << args[0] << " FILE_OR_FOLDER...\n"
              << "Runs the fuzz target once on every input file.\n";
    return 2;
  }
  std::vector<fs::path> inputs;
  for (const char* arg : args.subspan(1)) {
    if (!CollectInputs(arg, inputs)) {
      std::cerr << "replay: cannot read " << arg << '\n';
      return 2;
    }
  }
  std::vector<std::uint8_t> bytes;
  for (const fs::path& path : inputs) {
    if (!ReadBytes(path, bytes)) {
      std::cerr << "replay: cannot read " << path.string() << '\n';
      return 2;
    }
    std::cout << "replay: " << path.filename().string() << '\n' << std::flush;
    // An exact-size heap copy, so that reading past the end is caught.
    const std::vector<std::uint8_t> input(bytes.begin(), bytes.end());
    (void)LLVMFuzzerTestOneInput(input.data(), input.size());
  }
  std::cout << "replay: " << inputs.size() << " inputs ran\n";
  return 0;
}
