package com.recguard.phone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void parses_genesys_tel_uris_to_e164_region_and_area_code() {
        var p = PhoneNumbers.parse("tel:+14155550142").orElseThrow();
        assertThat(p.e164()).isEqualTo("+14155550142");
        assertThat(p.region()).isEqualTo("US");
        assertThat(p.nanpAreaCode()).isEqualTo("415");
    }

    @Test
    void parses_sip_uris_and_plain_e164() {
        assertThat(PhoneNumbers.parse("sip:+442071234567@10.0.0.1;user=phone").orElseThrow().region()).isEqualTo("GB");
        assertThat(PhoneNumbers.parse(" +33 1 42 68 53 00 ").orElseThrow().e164()).isEqualTo("+33142685300");
    }

    @Test
    void tells_canada_and_the_caribbean_from_the_us_within_plus_one() {
        assertThat(PhoneNumbers.parse("+16045550123").orElseThrow().region()).isEqualTo("CA");
        assertThat(PhoneNumbers.parse("+18765550123").orElseThrow().region()).isEqualTo("JM");
    }

    @Test
    void an_invalid_number_outside_plus_one_keeps_the_country_of_its_code() {
        var p = PhoneNumbers.parse("+447700900123").orElseThrow();
        assertThat(p.region()).isEqualTo("GB");
        assertThat(p.nanpAreaCode()).isNull();
    }

    @Test
    void numbers_without_country_code_or_garbage_are_not_guessed() {
        assertThat(PhoneNumbers.parse("02071234567")).isEmpty();
        assertThat(PhoneNumbers.parse("tel:anonymous")).isEmpty();
        assertThat(PhoneNumbers.parse(null)).isEmpty();
        assertThat(PhoneNumbers.parse("+")).isEmpty();
    }

    @Test
    void an_international_prefix_00_means_plus() {
        assertThat(PhoneNumbers.parse("0044 20 7946 0123", "GB").orElseThrow().e164()).isEqualTo("+442079460123");
        assertThat(PhoneNumbers.parse("tel:0033-1-42-68-53-00", "GB").orElseThrow().region()).isEqualTo("FR");
    }

    @Test
    void a_national_number_belongs_to_the_home_country() {
        var p = PhoneNumbers.parse("(020) 7946.0123", "GB").orElseThrow();
        assertThat(p.e164()).isEqualTo("+442079460123");
        assertThat(p.region()).isEqualTo("GB");
        assertThat(PhoneNumbers.parse("sips:020 7946 0123@edge.example;user=phone", "GB").orElseThrow().region())
                .isEqualTo("GB");
    }

    @Test
    void bare_digits_are_an_unknown_number_even_with_a_home_country() {
        assertThat(PhoneNumbers.parse("442079460123", "GB")).isEmpty();
        assertThat(PhoneNumbers.parse("+44 20 7946 0123 ext 5", "GB")).isEmpty();
    }
}
