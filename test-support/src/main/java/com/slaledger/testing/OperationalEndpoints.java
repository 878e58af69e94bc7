package com.slaledger.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** SPEC §2: what every service must answer, checked the same way in each service's tests. */
public final class OperationalEndpoints {

    private OperationalEndpoints() {}

    public static void assertAnswered() {
        given().when().get("/q/health/ready").then().statusCode(200).body(containsString("\"status\""));
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("# TYPE"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/"));
    }
}
