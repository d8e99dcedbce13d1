// The one status mapping, checked on real handler outcomes (no server):
// code, the single ErrorInfo, the BadRequest paths, RetryInfo, the cap.
#include "service/server/status_mapping.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "gtest/gtest.h"
#include "service/handlers/match_handler.h"
#include "service/status/bad_request.h"
#include "tests/service/testing/cohort_builder.h"

namespace sopu::server {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

struct Details {
  std::vector<google::rpc::ErrorInfo> infos;
  std::vector<google::rpc::BadRequest> bad_requests;
  std::vector<google::rpc::RetryInfo> retries;
};

Details Unpack(const google::rpc::Status& status) {
  Details out;
  for (const auto& any : status.details()) {
    if (any.Is<google::rpc::ErrorInfo>()) {
      any.UnpackTo(&out.infos.emplace_back());
    } else if (any.Is<google::rpc::BadRequest>()) {
      any.UnpackTo(&out.bad_requests.emplace_back());
    } else if (any.Is<google::rpc::RetryInfo>()) {
      any.UnpackTo(&out.retries.emplace_back());
    } else {
      ADD_FAILURE() << "unexpected detail " << any.type_url();
    }
  }
  return out;
}

std::vector<std::string> Fields(const google::rpc::BadRequest& bad) {
  std::vector<std::string> out;
  for (const auto& v : bad.field_violations()) out.push_back(v.field());
  return out;
}

TEST(StatusMapping, OkHasNoDetails) {
  const grpc::Status status = ToGrpcStatus(absl::OkStatus());
  EXPECT_TRUE(status.ok());
  EXPECT_TRUE(status.error_details().empty());
}

TEST(StatusMapping, InvalidMatchRequestCarriesPathsNotValues) {
  sopu::v1::MatchRequest request;
  *request.mutable_cohort() = testing::ValidCohort();
  auto* mentor = request.mutable_cohort()->mutable_participants(0);
  mentor->set_capacity(-7);
  mentor->set_display_name("Zqxjv Canarysson");
  (*request.mutable_cohort()
        ->mutable_participants(2)
        ->mutable_goals())["lead"] = 99.5;
  const absl::StatusOr<sopu::v1::MatchResponse> response =
      service::HandleMatch(request);
  ASSERT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);

  const grpc::Status wire = ToGrpcStatus(response.status());
  EXPECT_EQ(wire.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  google::rpc::Status rpc;
  ASSERT_TRUE(rpc.ParseFromString(wire.error_details()));
  EXPECT_EQ(rpc.code(), static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_EQ(rpc.message(), wire.error_message());
  const Details details = Unpack(rpc);
  ASSERT_EQ(details.infos.size(), 1U);
  EXPECT_EQ(details.infos[0].reason(), "INVALID_INPUT");
  EXPECT_EQ(details.infos[0].domain(), "sopu.v1");
  ASSERT_EQ(details.bad_requests.size(), 1U);
  EXPECT_THAT(Fields(details.bad_requests[0]),
              ElementsAre("cohort.participants[0].capacity",
                          "cohort.participants[2].goals.lead"));
  EXPECT_TRUE(details.retries.empty());
  const std::string all = rpc.SerializeAsString();
  EXPECT_THAT(all, Not(HasSubstr("Canarysson")));
  EXPECT_THAT(all, Not(HasSubstr("-7")));
  EXPECT_THAT(all, Not(HasSubstr("99.5")));
}

TEST(StatusMapping, ViolationsAreCappedWithACount) {
  std::vector<service::FieldViolation> violations(120);
  for (int i = 0; i < 120; ++i) {
    violations[i].set_field("cohort.participants[" + std::to_string(i) + "]");
    violations[i].set_description("bad");
  }
  const google::rpc::Status rpc = ToRpcStatus(
      service::InvalidArgumentWithViolations("bad input", violations));
  const Details details = Unpack(rpc);
  ASSERT_EQ(details.bad_requests.size(), 1U);
  const auto& list = details.bad_requests[0].field_violations();
  ASSERT_EQ(list.size(), kMaxViolationsInDetails);
  EXPECT_EQ(list[kMaxViolationsInDetails - 1].field(), "");
  EXPECT_EQ(list[kMaxViolationsInDetails - 1].description(),
            "and 71 more problems");  // 120 - (50 - 1)
}

TEST(StatusMapping, QueueFullHasReasonAndRetryDelay) {
  const google::rpc::Status rpc =
      ToRpcStatus(QueueFullError(std::chrono::milliseconds(1500)));
  EXPECT_EQ(rpc.code(), static_cast<int>(grpc::StatusCode::RESOURCE_EXHAUSTED));
  const Details details = Unpack(rpc);
  ASSERT_EQ(details.infos.size(), 1U);
  EXPECT_EQ(details.infos[0].reason(), "SOLVER_QUEUE_FULL");
  ASSERT_EQ(details.retries.size(), 1U);
  EXPECT_EQ(details.retries[0].retry_delay().seconds(), 1);
  EXPECT_EQ(details.retries[0].retry_delay().nanos(), 500000000);
}

TEST(StatusMapping, DefaultReasons) {
  EXPECT_EQ(DefaultReason(absl::StatusCode::kInternal), "INTERNAL_ERROR");
  EXPECT_EQ(DefaultReason(absl::StatusCode::kUnknown), "INTERNAL_ERROR");
  EXPECT_EQ(DefaultReason(absl::StatusCode::kCancelled), "CANCELLED");
  EXPECT_EQ(DefaultReason(absl::StatusCode::kNotFound), "NOT_FOUND");
  const Details details = Unpack(ToRpcStatus(ShuttingDownError()));
  ASSERT_EQ(details.infos.size(), 1U);
  EXPECT_EQ(details.infos[0].reason(), "SHUTTING_DOWN");
  EXPECT_THAT(std::vector<std::string>{details.infos[0].domain()},
              Contains("sopu.v1"));
}

}  // namespace
}  // namespace sopu::server
