#include "service/io/likely_cause.h"

namespace sopu::io::internal {
namespace {

bool Many(int count, int rows) {
  return count >= kManyFailures || (count >= 2 && count >= rows);
}

std::string DelimiterName(char delimiter) {
  switch (delimiter) {
    case ';':
      return "semicolons (;)";
    case '\t':
      return "tabs";
    default:
      return "commas (,)";
  }
}

}  // namespace

std::string LikelyCause(const Symptoms& symptoms) {
  if (symptoms.not_utf8_cells >= 2) {
    return "the file is not UTF-8: it looks like Windows-1252 or Latin-1 "
           "text (a byte such as 0xE4 for ä); save it as CSV UTF-8";
  }
  if (symptoms.delimiter != 0 && symptoms.other_delimiter != 0 &&
      (symptoms.header_in_one_cell ||
       (symptoms.header_columns >= 2 &&
        Many(symptoms.rows_in_one_cell, symptoms.data_rows)))) {
    return "whole rows landed in column A: the file separates its columns "
           "with " +
           DelimiterName(symptoms.other_delimiter) + ", not " +
           DelimiterName(symptoms.delimiter) +
           "; save it again as CSV, or fix its sep= line";
  }
  if (symptoms.delimiter == ',' &&
      Many(symptoms.rows_with_extra_cells, symptoms.data_rows)) {
    return "rows have more cells than the header: in a comma-separated file "
           "a decimal comma (3,5) splits a number into two cells; write 3.5, "
           "put such numbers in quotes, or save the file with semicolons (;)";
  }
  return "";
}

}  // namespace sopu::io::internal
