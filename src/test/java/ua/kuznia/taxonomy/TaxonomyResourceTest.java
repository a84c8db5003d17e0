package ua.kuznia.taxonomy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TaxonomyResourceTest {

    @Test
    void areasFormATreeWithMilitaryListCodes() {
        given().get("/api/v1/taxonomy/areas").then().statusCode(200)
                .body("find { it.code == 'munitions.artillery-155' }.parentCode", equalTo("munitions"))
                .body("find { it.code == 'munitions.artillery-155' }.depth", equalTo(1))
                .body("find { it.code == 'munitions.artillery-155' }.mlCodes", contains("ML3", "ML8"))
                .body("find { it.code == 'air-defense' }.mlCodes", contains("ML4", "ML5"))
                .body("code", hasItems("missiles.sam-interceptor", "ew.counter-uas", "radar.counter-battery", "autonomous.usv"));
    }

    @Test
    void classificationLevelsAreOrdered() {
        given().get("/api/v1/taxonomy/classification-levels").then().statusCode(200)
                .body("code", contains("UNCLASSIFIED", "NATO_RESTRICTED", "NATO_CONFIDENTIAL", "NATO_SECRET", "COSMIC_TOP_SECRET"))
                .body("rank", contains(0, 1, 2, 3, 4));
    }

    @Test
    void otherReferenceLists() {
        given().get("/api/v1/taxonomy/certifications").then().statusCode(200)
                .body("code", hasItems("AQAP-2110", "AQAP-2105", "AQAP-2131", "AQAP-2210", "AQAP-2310", "ISO-9001", "EN-9100", "ISO-27001"))
                .body("$", hasSize(8));
        given().get("/api/v1/taxonomy/transfer-types").then().statusCode(200)
                .body("code", hasItems("LICENSED_PRODUCTION", "JOINT_VENTURE", "DIRECT_FINANCING", "TRAINING"))
                .body("$", hasSize(9));
        given().get("/api/v1/taxonomy/oblasts").then().statusCode(200)
                .body("find { it.code == 'UA-46' }.riskTier", equalTo(1))
                .body("find { it.code == 'UA-63' }.riskTier", equalTo(4))
                .body("nameUk", hasItem("Львівська область"));
    }
}
