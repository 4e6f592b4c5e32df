package eu.vigil.core.nis2;

import static eu.vigil.core.nis2.Annex.ANNEX_I;
import static eu.vigil.core.nis2.Annex.ANNEX_II;
import static eu.vigil.core.nis2.Annex.OUTSIDE_ANNEXES;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entity-type catalogue: every entity type of NIS2 Annex I (11 sectors, 53 types) and
 * Annex II (7 sectors, 14 types), plus the four types the Directive reaches outside the Annexes
 * (CER critical entities, domain name registration services, and the Member State options for local
 * public administration and education institutions). Codes are stable; display names are ours.
 */
public final class EntityTypes {

    private static final String ENERGY = "Energy";
    private static final String TRANSPORT = "Transport";
    private static final String HEALTH = "Health";
    private static final String DIGITAL_INFRA = "Digital infrastructure";
    private static final String MANUFACTURING = "Manufacturing";
    private static final String DIGITAL_PROVIDERS = "Digital providers";

    private static final List<EntityType> ALL = List.of(
            // Annex I point 1: energy
            sized("energy.electricity.supplier", ANNEX_I, "I.1(a)", ENERGY, "Electricity",
                    "Electricity supplier", "Directive (EU) 2019/944 Art. 2(57), 2(12)"),
            sized("energy.electricity.dso", ANNEX_I, "I.1(a)", ENERGY, "Electricity",
                    "Electricity distribution system operator", "Directive (EU) 2019/944 Art. 2(29)"),
            sized("energy.electricity.tso", ANNEX_I, "I.1(a)", ENERGY, "Electricity",
                    "Electricity transmission system operator", "Directive (EU) 2019/944 Art. 2(35)"),
            sized("energy.electricity.producer", ANNEX_I, "I.1(a)", ENERGY, "Electricity",
                    "Electricity producer", "Directive (EU) 2019/944 Art. 2(38)"),
            sized("energy.electricity.nemo", ANNEX_I, "I.1(a)", ENERGY, "Electricity",
                    "Nominated electricity market operator (NEMO)", "Regulation (EU) 2019/943 Art. 2(8)"),
            sized("energy.electricity.market_participant", ANNEX_I, "I.1(a)", ENERGY, "Electricity",
                    "Electricity market participant (aggregation, demand response, storage)",
                    "Regulation (EU) 2019/943 Art. 2(25); Directive (EU) 2019/944 Art. 2(18), 2(20), 2(59)"),
            sized("energy.electricity.recharging_point_operator", ANNEX_I, "I.1(a)", ENERGY, "Electricity",
                    "Operator of recharging points for electric vehicles", null),
            sized("energy.district_heating_cooling.operator", ANNEX_I, "I.1(b)", ENERGY,
                    "District heating and cooling", "District heating or cooling operator",
                    "Directive (EU) 2018/2001 Art. 2(19)"),
            sized("energy.oil.pipeline_operator", ANNEX_I, "I.1(c)", ENERGY, "Oil",
                    "Oil transmission pipeline operator", null),
            sized("energy.oil.production_refining_storage_operator", ANNEX_I, "I.1(c)", ENERGY, "Oil",
                    "Operator of oil production, refining, treatment, storage or transmission", null),
            sized("energy.oil.central_stockholding_entity", ANNEX_I, "I.1(c)", ENERGY, "Oil",
                    "Central oil stockholding entity", "Council Directive 2009/119/EC Art. 2(f)"),
            sized("energy.gas.supply_undertaking", ANNEX_I, "I.1(d)", ENERGY, "Gas",
                    "Gas supply undertaking", "Directive 2009/73/EC Art. 2(8)"),
            sized("energy.gas.dso", ANNEX_I, "I.1(d)", ENERGY, "Gas",
                    "Gas distribution system operator", "Directive 2009/73/EC Art. 2(6)"),
            sized("energy.gas.tso", ANNEX_I, "I.1(d)", ENERGY, "Gas",
                    "Gas transmission system operator", "Directive 2009/73/EC Art. 2(4)"),
            sized("energy.gas.storage_operator", ANNEX_I, "I.1(d)", ENERGY, "Gas",
                    "Gas storage system operator", "Directive 2009/73/EC Art. 2(10)"),
            sized("energy.gas.lng_operator", ANNEX_I, "I.1(d)", ENERGY, "Gas",
                    "LNG system operator", "Directive 2009/73/EC Art. 2(12)"),
            sized("energy.gas.natural_gas_undertaking", ANNEX_I, "I.1(d)", ENERGY, "Gas",
                    "Natural gas undertaking", "Directive 2009/73/EC Art. 2(1)"),
            sized("energy.gas.refining_treatment_operator", ANNEX_I, "I.1(d)", ENERGY, "Gas",
                    "Operator of natural gas refining or treatment facilities", null),
            sized("energy.hydrogen.operator", ANNEX_I, "I.1(e)", ENERGY, "Hydrogen",
                    "Hydrogen production, storage or transmission operator", null),
            // Annex I point 2: transport
            sized("transport.air.carrier", ANNEX_I, "I.2(a)", TRANSPORT, "Air",
                    "Commercial air carrier", "Regulation (EC) No 300/2008 Art. 3(4)"),
            sized("transport.air.airport", ANNEX_I, "I.2(a)", TRANSPORT, "Air",
                    "Airport managing body or operator of ancillary airport installations",
                    "Directive 2009/12/EC Art. 2(1), 2(2)"),
            sized("transport.air.atc_operator", ANNEX_I, "I.2(a)", TRANSPORT, "Air",
                    "Air traffic control operator", "Regulation (EC) No 549/2004 Art. 2(1)"),
            sized("transport.rail.infrastructure_manager", ANNEX_I, "I.2(b)", TRANSPORT, "Rail",
                    "Railway infrastructure manager", "Directive 2012/34/EU Art. 3(2)"),
            sized("transport.rail.railway_undertaking", ANNEX_I, "I.2(b)", TRANSPORT, "Rail",
                    "Railway undertaking or operator of rail service facilities",
                    "Directive 2012/34/EU Art. 3(1), 3(12)"),
            sized("transport.water.transport_company", ANNEX_I, "I.2(c)", TRANSPORT, "Water",
                    "Inland, sea or coastal passenger or freight water transport company",
                    "Regulation (EC) No 725/2004 Annex I"),
            sized("transport.water.port_managing_body", ANNEX_I, "I.2(c)", TRANSPORT, "Water",
                    "Port managing body or operator of works and equipment in ports",
                    "Directive 2005/65/EC Art. 3(1); Regulation (EC) No 725/2004 Art. 2(11)"),
            sized("transport.water.vts_operator", ANNEX_I, "I.2(c)", TRANSPORT, "Water",
                    "Vessel traffic service (VTS) operator", "Directive 2002/59/EC Art. 3(o)"),
            sized("transport.road.road_authority", ANNEX_I, "I.2(d)", TRANSPORT, "Road",
                    "Road authority responsible for traffic management control",
                    "Delegated Regulation (EU) 2015/962 Art. 2(12)"),
            sized("transport.road.its_operator", ANNEX_I, "I.2(d)", TRANSPORT, "Road",
                    "Intelligent transport system operator", "Directive 2010/40/EU Art. 4(1)"),
            // Annex I points 3 to 7
            sized("banking.credit_institution", ANNEX_I, "I.3", "Banking", null,
                    "Credit institution", "Regulation (EU) No 575/2013 Art. 4(1)"),
            sized("fmi.trading_venue_operator", ANNEX_I, "I.4", "Financial market infrastructures", null,
                    "Trading venue operator", "Directive 2014/65/EU Art. 4(24)"),
            sized("fmi.ccp", ANNEX_I, "I.4", "Financial market infrastructures", null,
                    "Central counterparty (CCP)", "Regulation (EU) No 648/2012 Art. 2(1)"),
            sized("health.healthcare_provider", ANNEX_I, "I.5", HEALTH, null,
                    "Healthcare provider", "Directive 2011/24/EU Art. 3(g)"),
            sized("health.eu_reference_laboratory", ANNEX_I, "I.5", HEALTH, null,
                    "EU reference laboratory", "Regulation (EU) 2022/2371 Art. 15"),
            sized("health.medicinal_rnd", ANNEX_I, "I.5", HEALTH, null,
                    "Research and development of medicinal products", "Directive 2001/83/EC Art. 1(2)"),
            sized("health.pharma_manufacturer", ANNEX_I, "I.5", HEALTH, null,
                    "Manufacturer of basic pharmaceutical products and preparations (NACE C21)", "NACE Rev. 2 C21"),
            sized("health.critical_medical_device_manufacturer", ANNEX_I, "I.5", HEALTH, null,
                    "Manufacturer of medical devices critical in a public health emergency",
                    "Regulation (EU) 2022/123 Art. 22"),
            sized("drinking_water.supplier_distributor", ANNEX_I, "I.6", "Drinking water", null,
                    "Supplier or distributor of water for human consumption", "Directive (EU) 2020/2184 Art. 2(1)(a)"),
            sized("waste_water.undertaking", ANNEX_I, "I.7", "Waste water", null,
                    "Urban, domestic or industrial waste water undertaking",
                    "Council Directive 91/271/EEC Art. 2(1), 2(2), 2(3)"),
            // Annex I point 8: digital infrastructure
            sized("digital_infra.ixp", ANNEX_I, "I.8", DIGITAL_INFRA, null,
                    "Internet exchange point (IXP) provider", "NIS2 Art. 6(18)"),
            essentialAnySize("digital_infra.dns_service_provider", "I.8", DIGITAL_INFRA,
                    "DNS service provider (not root name server operators)", "NIS2 Art. 6(20)"),
            essentialAnySize("digital_infra.tld_registry", "I.8", DIGITAL_INFRA,
                    "Top-level domain (TLD) name registry", "NIS2 Art. 6(21)"),
            sized("digital_infra.cloud_computing", ANNEX_I, "I.8", DIGITAL_INFRA, null,
                    "Cloud computing service provider", "NIS2 Art. 6(30)"),
            sized("digital_infra.data_centre", ANNEX_I, "I.8", DIGITAL_INFRA, null,
                    "Data centre service provider", "NIS2 Art. 6(31)"),
            sized("digital_infra.cdn", ANNEX_I, "I.8", DIGITAL_INFRA, null,
                    "Content delivery network (CDN) provider", "NIS2 Art. 6(32)"),
            sizeIndependent("digital_infra.trust_service_provider", ANNEX_I, "I.8", DIGITAL_INFRA, null,
                    "Trust service provider (qualified or not)", "NIS2 Art. 6(25), 6(27); Regulation (EU) No 910/2014"),
            sizeIndependent("digital_infra.public_ecn", ANNEX_I, "I.8", DIGITAL_INFRA, null,
                    "Provider of a public electronic communications network",
                    "NIS2 Art. 6(36); Directive (EU) 2018/1972"),
            sizeIndependent("digital_infra.public_ecs", ANNEX_I, "I.8", DIGITAL_INFRA, null,
                    "Provider of a publicly available electronic communications service",
                    "NIS2 Art. 6(37); Directive (EU) 2018/1972"),
            // Annex I points 9 to 11
            sized("ict_b2b.msp", ANNEX_I, "I.9", "ICT service management (business-to-business)", null,
                    "Managed service provider (MSP)", "NIS2 Art. 6(39)"),
            sized("ict_b2b.mssp", ANNEX_I, "I.9", "ICT service management (business-to-business)", null,
                    "Managed security service provider (MSSP)", "NIS2 Art. 6(40)"),
            essentialAnySize("public_admin.central_government", "I.10", "Public administration",
                    "Public administration of central government", "NIS2 Art. 6(35)"),
            sizeIndependent("public_admin.regional", ANNEX_I, "I.10", "Public administration", null,
                    "Public administration at regional level", "NIS2 Art. 6(35)"),
            sized("space.ground_infrastructure_operator", ANNEX_I, "I.11", "Space", null,
                    "Operator of ground infrastructure supporting space-based services", null),
            // Annex II
            sized("postal.service_provider", ANNEX_II, "II.1", "Postal and courier services", null,
                    "Postal or courier service provider", "Directive 97/67/EC Art. 2(1a)"),
            sized("waste_management.undertaking", ANNEX_II, "II.2", "Waste management", null,
                    "Waste management undertaking (as principal activity)", "Directive 2008/98/EC Art. 3(9)"),
            sized("chemicals.manufacture_distribution", ANNEX_II, "II.3",
                    "Manufacture, production and distribution of chemicals", null,
                    "Manufacturer or distributor of chemical substances, mixtures or articles",
                    "Regulation (EC) No 1907/2006 Art. 3(9), 3(14), 3(3)"),
            sized("food.food_business", ANNEX_II, "II.4", "Production, processing and distribution of food", null,
                    "Food business in wholesale distribution or industrial production and processing",
                    "Regulation (EC) No 178/2002 Art. 3(2)"),
            sized("manufacturing.medical_devices.manufacturer", ANNEX_II, "II.5(a)", MANUFACTURING,
                    "Medical devices and in vitro diagnostic medical devices",
                    "Manufacturer of medical devices or in vitro diagnostics",
                    "Regulation (EU) 2017/745 Art. 2(1); Regulation (EU) 2017/746 Art. 2(2)"),
            sized("manufacturing.computer_electronic_optical.undertaking", ANNEX_II, "II.5(b)", MANUFACTURING,
                    "Computer, electronic and optical products",
                    "Manufacturer of computer, electronic and optical products (NACE C26)", "NACE Rev. 2 C26"),
            sized("manufacturing.electrical_equipment.undertaking", ANNEX_II, "II.5(c)", MANUFACTURING,
                    "Electrical equipment", "Manufacturer of electrical equipment (NACE C27)", "NACE Rev. 2 C27"),
            sized("manufacturing.machinery_equipment_nec.undertaking", ANNEX_II, "II.5(d)", MANUFACTURING,
                    "Machinery and equipment n.e.c.",
                    "Manufacturer of machinery and equipment n.e.c. (NACE C28)", "NACE Rev. 2 C28"),
            sized("manufacturing.motor_vehicles.undertaking", ANNEX_II, "II.5(e)", MANUFACTURING,
                    "Motor vehicles, trailers and semi-trailers",
                    "Manufacturer of motor vehicles, trailers and semi-trailers (NACE C29)", "NACE Rev. 2 C29"),
            sized("manufacturing.other_transport_equipment.undertaking", ANNEX_II, "II.5(f)", MANUFACTURING,
                    "Other transport equipment",
                    "Manufacturer of other transport equipment (NACE C30)", "NACE Rev. 2 C30"),
            sized("digital_providers.online_marketplace", ANNEX_II, "II.6", DIGITAL_PROVIDERS, null,
                    "Online marketplace provider", "NIS2 Art. 6(28); Directive 2005/29/EC Art. 2(n)"),
            sized("digital_providers.online_search_engine", ANNEX_II, "II.6", DIGITAL_PROVIDERS, null,
                    "Online search engine provider", "NIS2 Art. 6(29); Regulation (EU) 2019/1150 Art. 2(5)"),
            sized("digital_providers.social_networking_platform", ANNEX_II, "II.6", DIGITAL_PROVIDERS, null,
                    "Social networking services platform provider", "NIS2 Art. 6(33)"),
            sized("research.research_organisation", ANNEX_II, "II.7", "Research", null,
                    "Research organisation (not an education institution)", "NIS2 Art. 6(41)"),
            // Outside the Annexes
            new EntityType("non_annex.domain_registration_service", OUTSIDE_ANNEXES, "Art. 2(4)",
                    "Domain name registration", null, "Domain name registration service (registrar or agent)",
                    "NIS2 Art. 6(22)", true, false),
            new EntityType("non_annex.cer_critical_entity", OUTSIDE_ANNEXES, "Art. 2(3)",
                    "Critical entities", null, "Critical entity identified under the CER Directive",
                    "Directive (EU) 2022/2557", true, true),
            new EntityType("ms_option.public_admin_local", OUTSIDE_ANNEXES, "Art. 2(5)(a)",
                    "Public administration", null, "Public administration at local level (Member State option)",
                    "NIS2 Art. 6(35)", false, false),
            new EntityType("ms_option.education_institution", OUTSIDE_ANNEXES, "Art. 2(5)(b)",
                    "Education", null, "Education institution (Member State option)", null, false, false));

    private static final Map<String, EntityType> BY_CODE = index();

    private EntityTypes() {
    }

    /** Every entity type, Annex I first, in the order of the Annexes. */
    public static List<EntityType> all() {
        return ALL;
    }

    public static Optional<EntityType> byCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    private static EntityType sized(String code, Annex annex, String reference, String sector, String subsector,
            String displayName, String definition) {
        return new EntityType(code, annex, reference, sector, subsector, displayName, definition, false, false);
    }

    private static EntityType sizeIndependent(String code, Annex annex, String reference, String sector,
            String subsector, String displayName, String definition) {
        return new EntityType(code, annex, reference, sector, subsector, displayName, definition, true, false);
    }

    private static EntityType essentialAnySize(String code, String reference, String sector, String displayName,
            String definition) {
        return new EntityType(code, ANNEX_I, reference, sector, null, displayName, definition, true, true);
    }

    private static Map<String, EntityType> index() {
        Map<String, EntityType> byCode = new LinkedHashMap<>();
        for (EntityType type : ALL) {
            if (byCode.put(type.code(), type) != null) {
                throw new IllegalStateException("duplicate entity type code " + type.code());
            }
        }
        return Map.copyOf(byCode);
    }
}
