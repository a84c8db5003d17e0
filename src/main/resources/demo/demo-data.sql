-- Demo data for the local run only (loaded when kuznia.demo-data.enabled=true). Every
-- organization, company and offer below is FICTIONAL: names ending in "(demo)" are invented
-- and no real company is described. Idempotent: it runs at every start of the local run.

INSERT INTO organization (code, kind, name, country, clearance) VALUES
  ('ua-coord', 'COORDINATION', 'Partnership Coordination Office (demo)', 'UA', 'NATO_SECRET'),
  ('mod-de', 'MINISTRY', 'Federal Ministry of Defence (demo)', 'DE', 'NATO_SECRET'),
  ('mod-fr', 'MINISTRY', 'Ministry of the Armed Forces (demo)', 'FR', 'NATO_SECRET'),
  ('mod-it', 'MINISTRY', 'Ministry of Defence of Italy (demo)', 'IT', 'NATO_SECRET'),
  ('mod-gb', 'MINISTRY', 'Ministry of Defence of the United Kingdom (demo)', 'GB', 'NATO_SECRET'),
  ('mod-pl', 'MINISTRY', 'Ministry of National Defence of Poland (demo)', 'PL', 'NATO_SECRET'),
  ('mod-nl', 'MINISTRY', 'Ministry of Defence of the Netherlands (demo)', 'NL', 'NATO_SECRET'),
  ('mod-se', 'MINISTRY', 'Ministry of Defence of Sweden (demo)', 'SE', 'NATO_SECRET'),
  ('mod-cz', 'MINISTRY', 'Ministry of Defence of Czechia (demo)', 'CZ', 'NATO_SECRET'),
  ('mod-dk', 'MINISTRY', 'Ministry of Defence of Denmark (demo)', 'DK', 'NATO_SECRET'),
  ('ua-mfr-01', 'MANUFACTURER', 'Zirka Ammunition Works (demo)', 'UA', 'NATO_RESTRICTED'),
  ('ua-mfr-02', 'MANUFACTURER', 'Polissia Energetics (demo)', 'UA', 'NATO_RESTRICTED'),
  ('ua-mfr-03', 'MANUFACTURER', 'Karpaty Precision Machining (demo)', 'UA', 'UNCLASSIFIED'),
  ('ua-mfr-04', 'MANUFACTURER', 'Dnipro Rocket Motors (demo)', 'UA', 'NATO_SECRET'),
  ('ua-mfr-05', 'MANUFACTURER', 'Slobozhanshchyna Armour Repair (demo)', 'UA', 'NATO_RESTRICTED'),
  ('ua-mfr-06', 'MANUFACTURER', 'Volyn Drone Lab (demo)', 'UA', 'UNCLASSIFIED'),
  ('ua-mfr-07', 'MANUFACTURER', 'Lviv Signals Systems (demo)', 'UA', 'NATO_CONFIDENTIAL'),
  ('ua-mfr-08', 'MANUFACTURER', 'Podillia Radar Works (demo)', 'UA', 'NATO_CONFIDENTIAL'),
  ('ua-mfr-09', 'MANUFACTURER', 'Kyiv Optics Bureau (demo)', 'UA', 'NATO_RESTRICTED'),
  ('ua-mfr-10', 'MANUFACTURER', 'Chornomorska Marine Robotics (demo)', 'UA', 'NATO_RESTRICTED'),
  ('ua-mfr-11', 'MANUFACTURER', 'Poltava Barrel Foundry (demo)', 'UA', 'NATO_RESTRICTED'),
  ('ua-mfr-12', 'MANUFACTURER', 'Kramatorsk Heavy Engineering (demo)', 'UA', 'NATO_RESTRICTED'),
  ('ua-mfr-13', 'MANUFACTURER', 'Cherkasy Self-Propelled Systems (demo)', 'UA', 'NATO_CONFIDENTIAL'),
  ('ua-mfr-14', 'MANUFACTURER', 'Zhytomyr Long-Range UAV (demo)', 'UA', 'NATO_CONFIDENTIAL'),
  ('ua-mfr-15', 'MANUFACTURER', 'Ternopil Electronics Assembly (demo)', 'UA', 'NATO_RESTRICTED'),
  ('ua-mfr-16', 'MANUFACTURER', 'Mykolaiv Mortar Works (demo)', 'UA', 'UNCLASSIFIED'),
  ('ua-mfr-17', 'MANUFACTURER', 'Sumy Ground Robotics (demo)', 'UA', 'UNCLASSIFIED'),
  ('ua-mfr-18', 'MANUFACTURER', 'Bukovyna Fuze Company (demo)', 'UA', 'NATO_RESTRICTED'),
  ('ua-mfr-19', 'MANUFACTURER', 'Kropyvnytskyi Tank Ammunition (demo)', 'UA', 'NATO_RESTRICTED'),
  ('ua-mfr-20', 'MANUFACTURER', 'Zakarpattia Composite Armour (demo)', 'UA', 'UNCLASSIFIED'),
  ('ua-mfr-21', 'MANUFACTURER', 'Chernihiv Air Defence Software (demo)', 'UA', 'NATO_SECRET'),
  ('ua-mfr-22', 'MANUFACTURER', 'Vinnytsia Air Defence Integration (demo)', 'UA', 'NATO_SECRET'),
  ('ua-mfr-23', 'MANUFACTURER', 'Kyiv Oblast ATGM Design (demo)', 'UA', 'NATO_CONFIDENTIAL'),
  ('ua-mfr-24', 'MANUFACTURER', 'Rivne MLRS Rockets (demo)', 'UA', 'NATO_CONFIDENTIAL'),
  ('ua-mfr-25', 'MANUFACTURER', 'Lviv Engines (demo)', 'UA', 'NATO_RESTRICTED'),
  ('ua-mfr-26', 'MANUFACTURER', 'Odesa Counter-Battery Systems (demo)', 'UA', 'NATO_CONFIDENTIAL'),
  ('ua-mfr-27', 'MANUFACTURER', 'Kharkiv Shell Plant (demo)', 'UA', 'NATO_RESTRICTED'),
  ('ua-mfr-28', 'MANUFACTURER', 'Khmelnytskyi Interceptor Drones (demo)', 'UA', 'NATO_RESTRICTED'),
  ('ua-mfr-29', 'MANUFACTURER', 'Ivano-Frankivsk Propellant Chemistry (demo)', 'UA', 'NATO_RESTRICTED'),
  ('ua-mfr-30', 'MANUFACTURER', 'Cherkasy Training Simulators (demo)', 'UA', 'UNCLASSIFIED')
ON CONFLICT (code) DO NOTHING;

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Zirka Ammunition Works LLC (demo)', '41079192', 'UA-05', 1400, 'Fictional demo company. Shell bodies, filling and final assembly of artillery rounds.',
      '{ISO-9001,AQAP-2110}', 'NATO_RESTRICTED', '{munitions.artillery-155}', '{LICENSED_PRODUCTION,JOINT_VENTURE}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-01'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'munitions.artillery-155', 8, 8, 18000, 'rounds/month'),
      (1, 'munitions.artillery-152-122', 9, 9, 25000, 'rounds/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Polissia Energetics LLC (demo)', '41158389', 'UA-56', 620, 'Fictional demo company. Nitrocellulose propellant charges and modular charge systems.',
      '{ISO-9001}', 'NATO_RESTRICTED', '{munitions.propellant-energetics}', '{KNOW_HOW_TRANSFER,TOOLING_AND_EQUIPMENT}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-02'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'munitions.propellant-energetics', 7, 6, 120, 'tonnes/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Karpaty Precision Machining LLC (demo)', '41237575', 'UA-26', 380, 'Fictional demo company. Five-axis CNC machining; flow-forming of shell bodies at pilot scale.',
      '{ISO-9001,EN-9100}', 'UNCLASSIFIED', '{munitions.artillery-155}', '{TOOLING_AND_EQUIPMENT,CO_PRODUCTION}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-03'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'components.machining', 9, 9, 40000, 'parts/month'),
      (1, 'munitions.artillery-155', 6, 5, 3000, 'shell bodies/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Dnipro Rocket Motors LLC (demo)', '41316761', 'UA-12', 2100, 'Fictional demo company. Solid rocket motors and airframes for long-range missiles.',
      '{ISO-9001,AQAP-2110,AQAP-2131}', 'NATO_SECRET', '{missiles.sam-interceptor,air-defense}', '{LICENSED_PRODUCTION,JOINT_VENTURE}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-04'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'missiles.cruise', 7, 6, 4, 'missiles/month'),
      (1, 'missiles.sam-interceptor', 5, 4, 2, 'interceptors/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Slobozhanshchyna Armour Repair LLC (demo)', '41395953', 'UA-63', 900, 'Fictional demo company. Overhaul of tracked IFVs and add-on armour kits.',
      '{ISO-9001}', 'NATO_RESTRICTED', '{armor}', '{CO_PRODUCTION,JOINT_VENTURE}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-05'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'armor.ifv-apc', 8, 7, 12, 'vehicles/month'),
      (1, 'armor.protection', 7, 7, 60, 'kits/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Volyn Drone Lab LLC (demo)', '41475148', 'UA-07', 160, 'Fictional demo company. FPV strike drones, flight controllers and video links.',
      '{ISO-9001}', 'UNCLASSIFIED', '{autonomous,ew.counter-uas}', '{DIRECT_FINANCING,RND_COOPERATION}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-06'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'autonomous.uav-fpv', 9, 9, 15000, 'drones/month'),
      (1, 'components.electronics', 7, 7, 20000, 'boards/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Lviv Signals Systems LLC (demo)', '41554334', 'UA-46', 240, 'Fictional demo company. Wideband jammers and counter-drone detection-and-defeat kits.',
      '{ISO-9001,ISO-27001,AQAP-2210}', 'NATO_CONFIDENTIAL', '{ew}', '{RND_COOPERATION,KNOW_HOW_TRANSFER}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-07'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'ew.jamming', 8, 7, 40, 'systems/month'),
      (1, 'ew.counter-uas', 8, 8, 60, 'systems/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Podillia Radar Works LLC (demo)', '41633520', 'UA-68', 510, 'Fictional demo company. Counter-battery and low-level air-surveillance radars.',
      '{ISO-9001,AQAP-2110}', 'NATO_CONFIDENTIAL', '{radar,air-defense.fire-control}', '{LICENSED_PRODUCTION,KNOW_HOW_TRANSFER}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-08'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'radar.counter-battery', 7, 6, 2, 'radars/month'),
      (1, 'radar.air-surveillance', 6, 5, 1, 'radars/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Kyiv Optics Bureau LLC (demo)', '41712717', 'UA-30', 330, 'Fictional demo company. Thermal and day sights, laser rangefinders.',
      '{ISO-9001,EN-9100}', 'NATO_RESTRICTED', '{components.optics,air-defense.fire-control}', '{CO_PRODUCTION,COMPONENT_SUPPLY}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-09'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'components.optics', 8, 8, 800, 'sights/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Chornomorska Marine Robotics LLC (demo)', '41791909', 'UA-51', 140, 'Fictional demo company. Unmanned surface vessels for reconnaissance and strike.',
      '{ISO-9001}', 'NATO_RESTRICTED', '{autonomous.usv}', '{DIRECT_FINANCING,JOINT_VENTURE}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-10'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'autonomous.usv', 8, 7, 10, 'vessels/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Poltava Barrel Foundry LLC (demo)', '41871093', 'UA-53', 780, 'Fictional demo company. Rotary forging and autofrettage of gun barrels.',
      '{ISO-9001,AQAP-2110}', 'NATO_RESTRICTED', '{artillery}', '{LICENSED_PRODUCTION,TOOLING_AND_EQUIPMENT}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-11'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'artillery.barrels', 7, 6, 8, 'barrels/month'),
      (1, 'components.machining', 8, 8, 5000, 'parts/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Kramatorsk Heavy Engineering LLC (demo)', '41950282', 'UA-14', 1600, 'Fictional demo company. Heavy chassis and turret fabrication; relocating part of its lines westwards.',
      '{ISO-9001}', 'NATO_RESTRICTED', '{artillery.self-propelled}', '{JOINT_VENTURE,DIRECT_FINANCING}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-12'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'artillery.self-propelled', 7, 6, 2, 'guns/month'),
      (1, 'armor.tanks', 6, 5, 1, 'vehicles/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Cherkasy Self-Propelled Systems LLC (demo)', '42029472', 'UA-71', 1100, 'Fictional demo company. Wheeled 155-mm self-propelled howitzers on domestic chassis.',
      '{ISO-9001,AQAP-2110}', 'NATO_CONFIDENTIAL', '{artillery}', '{DIRECT_FINANCING,CO_PRODUCTION}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-13'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'artillery.self-propelled', 8, 7, 6, 'guns/month'),
      (1, 'artillery.towed', 8, 8, 4, 'guns/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Zhytomyr Long-Range UAV LLC (demo)', '42108669', 'UA-18', 420, 'Fictional demo company. Long-range strike and reconnaissance UAVs with domestic engines.',
      '{ISO-9001,AQAP-2310}', 'NATO_CONFIDENTIAL', '{autonomous.uav-long-range,components.engines}', '{DIRECT_FINANCING,KNOW_HOW_TRANSFER}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-14'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'autonomous.uav-long-range', 8, 7, 30, 'aircraft/month'),
      (1, 'components.engines', 6, 5, 40, 'engines/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Ternopil Electronics Assembly LLC (demo)', '42187850', 'UA-61', 290, 'Fictional demo company. SMT assembly lines and RF modules.',
      '{ISO-9001,ISO-27001}', 'NATO_RESTRICTED', '{ew.sigint,radar}', '{COMPONENT_SUPPLY,RND_COOPERATION}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-15'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'components.electronics', 8, 8, 50000, 'boards/month'),
      (1, 'ew.sigint', 6, 5, 5, 'systems/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Mykolaiv Mortar Works LLC (demo)', '42267045', 'UA-48', 350, 'Fictional demo company. 120-mm and 82-mm mortar bombs.',
      '{ISO-9001}', 'UNCLASSIFIED', '{munitions}', '{CO_PRODUCTION,TOOLING_AND_EQUIPMENT}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-16'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'munitions.mortar', 9, 8, 30000, 'bombs/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Sumy Ground Robotics LLC (demo)', '42346231', 'UA-59', 110, 'Fictional demo company. Tracked logistics and casualty-evacuation ground robots.',
      '{}', 'UNCLASSIFIED', '{autonomous.ugv}', '{DIRECT_FINANCING}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-17'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'autonomous.ugv', 8, 7, 25, 'vehicles/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Bukovyna Fuze Company LLC (demo)', '42425428', 'UA-77', 210, 'Fictional demo company. Point-detonating and proximity fuzes.',
      '{ISO-9001,AQAP-2110}', 'NATO_RESTRICTED', '{munitions.artillery-155}', '{LICENSED_PRODUCTION}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-18'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'munitions.artillery-155', 7, 7, 20000, 'fuzes/month'),
      (1, 'munitions.mortar', 8, 8, 15000, 'fuzes/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Kropyvnytskyi Tank Ammunition LLC (demo)', '42504614', 'UA-35', 470, 'Fictional demo company. 125-mm HE-FRAG and training rounds.',
      '{ISO-9001}', 'NATO_RESTRICTED', '{munitions}', '{LICENSED_PRODUCTION,KNOW_HOW_TRANSFER}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-19'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'munitions.tank-125', 7, 6, 4000, 'rounds/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Zakarpattia Composite Armour LLC (demo)', '42583806', 'UA-21', 190, 'Fictional demo company. Ceramic-composite armour panels and spall liners.',
      '{ISO-9001}', 'UNCLASSIFIED', '{armor.protection}', '{CO_PRODUCTION,COMPONENT_SUPPLY}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-20'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'armor.protection', 8, 8, 300, 'panels/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Chernihiv Air Defence Software LLC (demo)', '42662992', 'UA-74', 95, 'Fictional demo company. Fire-control and sensor-fusion software for short-range air defence.',
      '{ISO-27001,AQAP-2210}', 'NATO_SECRET', '{air-defense}', '{RND_COOPERATION,JOINT_VENTURE}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-21'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'air-defense.fire-control', 7, 7, 3, 'systems/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Vinnytsia Air Defence Integration LLC (demo)', '42742187', 'UA-05', 640, 'Fictional demo company. Integration of launchers, radars and fire control into batteries.',
      '{ISO-9001,AQAP-2110,AQAP-2131}', 'NATO_SECRET', '{air-defense,missiles.sam-interceptor}', '{LICENSED_PRODUCTION,JOINT_VENTURE}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-22'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'air-defense.systems', 6, 5, 1, 'batteries/month'),
      (1, 'air-defense.fire-control', 7, 6, 2, 'systems/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Kyiv Oblast ATGM Design LLC (demo)', '42821373', 'UA-32', 260, 'Fictional demo company. Laser-beam-riding anti-tank guided missiles.',
      '{ISO-9001,AQAP-2110}', 'NATO_CONFIDENTIAL', '{missiles}', '{CO_PRODUCTION,LICENSED_PRODUCTION}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-23'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'missiles.atgm', 9, 8, 150, 'missiles/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Rivne MLRS Rockets LLC (demo)', '42900567', 'UA-56', 530, 'Fictional demo company. 122-mm rockets and their propellant grains.',
      '{ISO-9001}', 'NATO_CONFIDENTIAL', '{artillery.mlrs}', '{JOINT_VENTURE,KNOW_HOW_TRANSFER}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-24'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'artillery.mlrs', 7, 6, 400, 'rockets/month'),
      (1, 'munitions.propellant-energetics', 6, 5, 30, 'tonnes/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Lviv Engines LLC (demo)', '42979755', 'UA-46', 300, 'Fictional demo company. Small turbojet and piston engines for UAVs.',
      '{ISO-9001,EN-9100,AQAP-2310}', 'NATO_RESTRICTED', '{components.engines,autonomous.uav-long-range}', '{LICENSED_PRODUCTION,CO_PRODUCTION}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-25'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'components.engines', 7, 6, 120, 'engines/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Odesa Counter-Battery Systems LLC (demo)', '43058944', 'UA-51', 150, 'Fictional demo company. Portable counter-battery and ground-surveillance radars.',
      '{ISO-9001}', 'NATO_CONFIDENTIAL', '{radar}', '{RND_COOPERATION}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-26'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'radar.counter-battery', 6, 5, 1, 'radars/month'),
      (1, 'radar.ground', 7, 6, 3, 'radars/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Kharkiv Shell Plant LLC (demo)', '43138139', 'UA-63', 1900, 'Fictional demo company. Large-calibre shell production with dispersed workshops.',
      '{ISO-9001,AQAP-2110}', 'NATO_RESTRICTED', '{munitions.artillery-155}', '{JOINT_VENTURE,DIRECT_FINANCING}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-27'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'munitions.artillery-155', 7, 7, 30000, 'rounds/month'),
      (1, 'munitions.artillery-152-122', 8, 8, 40000, 'rounds/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Khmelnytskyi Interceptor Drones LLC (demo)', '43217325', 'UA-68', 130, 'Fictional demo company. Interceptor drones against long-range attack UAVs.',
      '{ISO-9001}', 'NATO_RESTRICTED', '{ew.counter-uas,air-defense}', '{DIRECT_FINANCING,RND_COOPERATION}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-28'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'ew.counter-uas', 8, 8, 2000, 'interceptors/month'),
      (1, 'autonomous.uav-fpv', 8, 8, 5000, 'drones/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Ivano-Frankivsk Propellant Chemistry LLC (demo)', '43296517', 'UA-26', 450, 'Fictional demo company. TNT and RDX-based fillings and bimodular charges.',
      '{ISO-9001,AQAP-2110}', 'NATO_RESTRICTED', '{munitions.propellant-energetics,munitions.artillery-155}', '{JOINT_VENTURE,TOOLING_AND_EQUIPMENT}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-29'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'munitions.propellant-energetics', 8, 7, 200, 'tonnes/month')) AS v(position, area, trl, mrl, capacity, unit);

WITH p AS (
  INSERT INTO manufacturer_profile (organization_id, legal_name, edrpou, oblast_code, employees, description,
      certifications, clearance, seeking_areas, seeking_transfer_types, status)
  SELECT o.id, 'Cherkasy Training Simulators LLC (demo)', '43375703', 'UA-71', 70, 'Fictional demo company. Drone-operator and gunnery training simulators.',
      '{ISO-9001,AQAP-2210}', 'UNCLASSIFIED', '{autonomous.uav-fpv}', '{TRAINING,RND_COOPERATION}', 'PUBLISHED'
  FROM organization o WHERE o.code = 'ua-mfr-30'
    AND NOT EXISTS (SELECT 1 FROM manufacturer_profile x WHERE x.organization_id = o.id)
  RETURNING id)
INSERT INTO profile_capability (profile_id, position, area_code, trl, mrl, monthly_capacity, capacity_unit)
SELECT p.id, v.position, v.area, v.trl, v.mrl, v.capacity, v.unit FROM p,
  (VALUES (0, 'components.electronics', 7, 7, 200, 'simulators/month')) AS v(position, area, trl, mrl, capacity, unit);

INSERT INTO transfer_offer (organization_id, title, description, areas, transfer_type, min_trl, min_mrl,
    min_monthly_capacity, required_certifications, required_clearance, classification, max_risk_tier, budget_eur,
    funding_instrument, target_volume, target_volume_unit, localization_target_percent, export_ml_codes,
    export_licence_required, opens_at, closes_at, status)
SELECT o.id, 'Licensed production of 155-mm artillery shells (demo)', 'Fictional demo offer. Licence, tooling and quality support to produce 155-mm rounds in Ukraine.', '{munitions.artillery-155}', 'LICENSED_PRODUCTION', 7, 7,
    10000, '{AQAP-2110}', 'NATO_RESTRICTED', 'NATO_RESTRICTED', 3, 250000000, 'National budget, multi-year', 300000, 'rounds/year', 60, '{ML3,ML22}',
    true, DATE '2026-10-01', DATE '2027-09-30', 'OPEN'
FROM organization o WHERE o.code = 'mod-de'
  AND NOT EXISTS (SELECT 1 FROM transfer_offer x WHERE x.organization_id = o.id AND x.title = 'Licensed production of 155-mm artillery shells (demo)');

INSERT INTO transfer_offer (organization_id, title, description, areas, transfer_type, min_trl, min_mrl,
    min_monthly_capacity, required_certifications, required_clearance, classification, max_risk_tier, budget_eur,
    funding_instrument, target_volume, target_volume_unit, localization_target_percent, export_ml_codes,
    export_licence_required, opens_at, closes_at, status)
SELECT o.id, 'Joint venture for propellant charges (demo)', 'Fictional demo offer. A joint venture producing modular propellant charges.', '{munitions.propellant-energetics}', 'JOINT_VENTURE', 6, 6,
    50, '{}', 'NATO_RESTRICTED', 'UNCLASSIFIED', 2, 120000000, '51/49 joint venture', 1200, 'tonnes/year', 51, '{ML8,ML22}',
    true, DATE '2026-10-01', DATE '2027-09-30', 'OPEN'
FROM organization o WHERE o.code = 'mod-de'
  AND NOT EXISTS (SELECT 1 FROM transfer_offer x WHERE x.organization_id = o.id AND x.title = 'Joint venture for propellant charges (demo)');

INSERT INTO transfer_offer (organization_id, title, description, areas, transfer_type, min_trl, min_mrl,
    min_monthly_capacity, required_certifications, required_clearance, classification, max_risk_tier, budget_eur,
    funding_instrument, target_volume, target_volume_unit, localization_target_percent, export_ml_codes,
    export_licence_required, opens_at, closes_at, status)
SELECT o.id, 'Co-production of wheeled self-propelled howitzers (demo)', 'Fictional demo offer. Final assembly and barrel integration of wheeled howitzers in Ukraine.', '{artillery.self-propelled}', 'CO_PRODUCTION', 7, 6,
    NULL, '{ISO-9001}', 'NATO_CONFIDENTIAL', 'NATO_RESTRICTED', 3, 180000000, 'Bilateral fund', 36, 'guns/year', 40, '{ML2,ML22}',
    true, DATE '2026-10-01', DATE '2027-09-30', 'OPEN'
FROM organization o WHERE o.code = 'mod-fr'
  AND NOT EXISTS (SELECT 1 FROM transfer_offer x WHERE x.organization_id = o.id AND x.title = 'Co-production of wheeled self-propelled howitzers (demo)');

INSERT INTO transfer_offer (organization_id, title, description, areas, transfer_type, min_trl, min_mrl,
    min_monthly_capacity, required_certifications, required_clearance, classification, max_risk_tier, budget_eur,
    funding_instrument, target_volume, target_volume_unit, localization_target_percent, export_ml_codes,
    export_licence_required, opens_at, closes_at, status)
SELECT o.id, 'Air-defence fire-control software cooperation (demo)', 'Fictional demo offer. Joint development of sensor fusion for short-range air defence.', '{air-defense.fire-control}', 'RND_COOPERATION', 6, 5,
    NULL, '{ISO-27001}', 'NATO_SECRET', 'NATO_CONFIDENTIAL', NULL, 40000000, 'R&D grant', NULL, NULL, 30, '{ML5,ML21,ML22}',
    true, DATE '2026-10-01', DATE '2027-09-30', 'OPEN'
FROM organization o WHERE o.code = 'mod-fr'
  AND NOT EXISTS (SELECT 1 FROM transfer_offer x WHERE x.organization_id = o.id AND x.title = 'Air-defence fire-control software cooperation (demo)');

INSERT INTO transfer_offer (organization_id, title, description, areas, transfer_type, min_trl, min_mrl,
    min_monthly_capacity, required_certifications, required_clearance, classification, max_risk_tier, budget_eur,
    funding_instrument, target_volume, target_volume_unit, localization_target_percent, export_ml_codes,
    export_licence_required, opens_at, closes_at, status)
SELECT o.id, 'Localisation of SAM interceptor sub-assemblies (demo)', 'Fictional demo offer. Motor cases, wiring harnesses and final integration of interceptors.', '{missiles.sam-interceptor,air-defense.systems}', 'LICENSED_PRODUCTION', 5, 4,
    NULL, '{AQAP-2110}', 'NATO_SECRET', 'NATO_SECRET', 2, 300000000, 'Government-to-government', 120, 'interceptors/year', 35, '{ML4,ML22}',
    true, DATE '2026-10-01', DATE '2027-09-30', 'OPEN'
FROM organization o WHERE o.code = 'mod-it'
  AND NOT EXISTS (SELECT 1 FROM transfer_offer x WHERE x.organization_id = o.id AND x.title = 'Localisation of SAM interceptor sub-assemblies (demo)');

INSERT INTO transfer_offer (organization_id, title, description, areas, transfer_type, min_trl, min_mrl,
    min_monthly_capacity, required_certifications, required_clearance, classification, max_risk_tier, budget_eur,
    funding_instrument, target_volume, target_volume_unit, localization_target_percent, export_ml_codes,
    export_licence_required, opens_at, closes_at, status)
SELECT o.id, 'Armour protection kits (demo)', 'Fictional demo offer. Add-on armour kits for IFVs.', '{armor.protection}', 'COMPONENT_SUPPLY', 7, 7,
    100, '{ISO-9001}', 'UNCLASSIFIED', 'UNCLASSIFIED', NULL, 15000000, 'Procurement contract', 2400, 'kits/year', 70, '{ML13}',
    false, DATE '2026-10-01', DATE '2027-09-30', 'OPEN'
FROM organization o WHERE o.code = 'mod-it'
  AND NOT EXISTS (SELECT 1 FROM transfer_offer x WHERE x.organization_id = o.id AND x.title = 'Armour protection kits (demo)');

INSERT INTO transfer_offer (organization_id, title, description, areas, transfer_type, min_trl, min_mrl,
    min_monthly_capacity, required_certifications, required_clearance, classification, max_risk_tier, budget_eur,
    funding_instrument, target_volume, target_volume_unit, localization_target_percent, export_ml_codes,
    export_licence_required, opens_at, closes_at, status)
SELECT o.id, 'Counter-battery radar licensed production (demo)', 'Fictional demo offer. Licence and know-how to build counter-battery radars.', '{radar.counter-battery}', 'LICENSED_PRODUCTION', 6, 5,
    NULL, '{AQAP-2110}', 'NATO_CONFIDENTIAL', 'NATO_RESTRICTED', 2, 90000000, 'International fund', 12, 'radars/year', 45, '{ML5,ML22}',
    true, DATE '2026-10-01', DATE '2027-09-30', 'OPEN'
FROM organization o WHERE o.code = 'mod-gb'
  AND NOT EXISTS (SELECT 1 FROM transfer_offer x WHERE x.organization_id = o.id AND x.title = 'Counter-battery radar licensed production (demo)');

INSERT INTO transfer_offer (organization_id, title, description, areas, transfer_type, min_trl, min_mrl,
    min_monthly_capacity, required_certifications, required_clearance, classification, max_risk_tier, budget_eur,
    funding_instrument, target_volume, target_volume_unit, localization_target_percent, export_ml_codes,
    export_licence_required, opens_at, closes_at, status)
SELECT o.id, 'Long-range strike UAV financing (demo)', 'Fictional demo offer. Direct financing of Ukrainian long-range UAV production.', '{autonomous.uav-long-range}', 'DIRECT_FINANCING', 7, 6,
    10, '{}', 'NATO_CONFIDENTIAL', 'NATO_RESTRICTED', NULL, 60000000, 'Direct financing of Ukrainian producers', 300, 'aircraft/year', 90, '{ML10}',
    false, DATE '2026-10-01', DATE '2027-09-30', 'OPEN'
FROM organization o WHERE o.code = 'mod-gb'
  AND NOT EXISTS (SELECT 1 FROM transfer_offer x WHERE x.organization_id = o.id AND x.title = 'Long-range strike UAV financing (demo)');

INSERT INTO transfer_offer (organization_id, title, description, areas, transfer_type, min_trl, min_mrl,
    min_monthly_capacity, required_certifications, required_clearance, classification, max_risk_tier, budget_eur,
    funding_instrument, target_volume, target_volume_unit, localization_target_percent, export_ml_codes,
    export_licence_required, opens_at, closes_at, status)
SELECT o.id, 'Mortar ammunition co-production (demo)', 'Fictional demo offer. Co-production of 120-mm mortar bombs.', '{munitions.mortar}', 'CO_PRODUCTION', 8, 7,
    10000, '{ISO-9001}', 'UNCLASSIFIED', 'UNCLASSIFIED', 3, 30000000, 'Bilateral agreement', 240000, 'bombs/year', 50, '{ML3}',
    false, DATE '2026-10-01', DATE '2027-09-30', 'OPEN'
FROM organization o WHERE o.code = 'mod-pl'
  AND NOT EXISTS (SELECT 1 FROM transfer_offer x WHERE x.organization_id = o.id AND x.title = 'Mortar ammunition co-production (demo)');

INSERT INTO transfer_offer (organization_id, title, description, areas, transfer_type, min_trl, min_mrl,
    min_monthly_capacity, required_certifications, required_clearance, classification, max_risk_tier, budget_eur,
    funding_instrument, target_volume, target_volume_unit, localization_target_percent, export_ml_codes,
    export_licence_required, opens_at, closes_at, status)
SELECT o.id, 'Repair joint venture for tracked vehicles (demo)', 'Fictional demo offer. Repair and overhaul joint venture close to the border.', '{armor.ifv-apc,armor.tanks}', 'JOINT_VENTURE', 7, 6,
    NULL, '{}', 'NATO_RESTRICTED', 'UNCLASSIFIED', NULL, 45000000, 'Joint venture', 120, 'vehicles/year', 60, '{ML6}',
    false, DATE '2026-10-01', DATE '2027-09-30', 'OPEN'
FROM organization o WHERE o.code = 'mod-pl'
  AND NOT EXISTS (SELECT 1 FROM transfer_offer x WHERE x.organization_id = o.id AND x.title = 'Repair joint venture for tracked vehicles (demo)');

INSERT INTO transfer_offer (organization_id, title, description, areas, transfer_type, min_trl, min_mrl,
    min_monthly_capacity, required_certifications, required_clearance, classification, max_risk_tier, budget_eur,
    funding_instrument, target_volume, target_volume_unit, localization_target_percent, export_ml_codes,
    export_licence_required, opens_at, closes_at, status)
SELECT o.id, 'Counter-UAS and EW capability coalition (demo)', 'Fictional demo offer. Joint development and production of counter-drone EW systems.', '{ew.counter-uas,ew.jamming}', 'RND_COOPERATION', 6, 6,
    NULL, '{ISO-27001}', 'NATO_CONFIDENTIAL', 'NATO_RESTRICTED', NULL, 25000000, 'Capability coalition (drones/EW)', NULL, NULL, 80, '{ML11}',
    true, DATE '2026-10-01', DATE '2027-09-30', 'OPEN'
FROM organization o WHERE o.code = 'mod-nl'
  AND NOT EXISTS (SELECT 1 FROM transfer_offer x WHERE x.organization_id = o.id AND x.title = 'Counter-UAS and EW capability coalition (demo)');

INSERT INTO transfer_offer (organization_id, title, description, areas, transfer_type, min_trl, min_mrl,
    min_monthly_capacity, required_certifications, required_clearance, classification, max_risk_tier, budget_eur,
    funding_instrument, target_volume, target_volume_unit, localization_target_percent, export_ml_codes,
    export_licence_required, opens_at, closes_at, status)
SELECT o.id, 'Unmanned surface vessels co-development (demo)', 'Fictional demo offer. Co-development of maritime drones.', '{autonomous.usv}', 'RND_COOPERATION', 6, 5,
    NULL, '{}', 'NATO_RESTRICTED', 'UNCLASSIFIED', NULL, 20000000, 'Maritime capability coalition', 60, 'vessels/year', 70, '{ML9}',
    false, DATE '2026-10-01', DATE '2027-09-30', 'OPEN'
FROM organization o WHERE o.code = 'mod-se'
  AND NOT EXISTS (SELECT 1 FROM transfer_offer x WHERE x.organization_id = o.id AND x.title = 'Unmanned surface vessels co-development (demo)');

INSERT INTO transfer_offer (organization_id, title, description, areas, transfer_type, min_trl, min_mrl,
    min_monthly_capacity, required_certifications, required_clearance, classification, max_risk_tier, budget_eur,
    funding_instrument, target_volume, target_volume_unit, localization_target_percent, export_ml_codes,
    export_licence_required, opens_at, closes_at, status)
SELECT o.id, 'Large-calibre ammunition industrial partnership (demo)', 'Fictional demo offer. Co-production of 155-mm and 122/152-mm rounds with Ukrainian plants.', '{munitions.artillery-155,munitions.artillery-152-122}', 'CO_PRODUCTION', 7, 7,
    15000, '{ISO-9001}', 'NATO_RESTRICTED', 'UNCLASSIFIED', 3, 150000000, 'Industry procurement initiative', 500000, 'rounds/year', 30, '{ML3}',
    true, DATE '2026-10-01', DATE '2027-09-30', 'OPEN'
FROM organization o WHERE o.code = 'mod-cz'
  AND NOT EXISTS (SELECT 1 FROM transfer_offer x WHERE x.organization_id = o.id AND x.title = 'Large-calibre ammunition industrial partnership (demo)');

INSERT INTO transfer_offer (organization_id, title, description, areas, transfer_type, min_trl, min_mrl,
    min_monthly_capacity, required_certifications, required_clearance, classification, max_risk_tier, budget_eur,
    funding_instrument, target_volume, target_volume_unit, localization_target_percent, export_ml_codes,
    export_licence_required, opens_at, closes_at, status)
SELECT o.id, 'Direct financing of Ukrainian artillery production (demo)', 'Fictional demo offer. Paying Ukrainian manufacturers directly for self-propelled and towed guns.', '{artillery.self-propelled,artillery.towed}', 'DIRECT_FINANCING', 7, 6,
    2, '{ISO-9001}', 'NATO_RESTRICTED', 'UNCLASSIFIED', 3, 200000000, 'Direct financing (Danish model)', 48, 'guns/year', 95, '{ML2}',
    false, DATE '2026-10-01', DATE '2027-09-30', 'OPEN'
FROM organization o WHERE o.code = 'mod-dk'
  AND NOT EXISTS (SELECT 1 FROM transfer_offer x WHERE x.organization_id = o.id AND x.title = 'Direct financing of Ukrainian artillery production (demo)');

INSERT INTO transfer_offer (organization_id, title, description, areas, transfer_type, min_trl, min_mrl,
    min_monthly_capacity, required_certifications, required_clearance, classification, max_risk_tier, budget_eur,
    funding_instrument, target_volume, target_volume_unit, localization_target_percent, export_ml_codes,
    export_licence_required, opens_at, closes_at, status)
SELECT o.id, 'FPV drone production financing (demo)', 'Fictional demo offer. Direct financing of FPV drone output.', '{autonomous.uav-fpv}', 'DIRECT_FINANCING', 8, 8,
    5000, '{}', 'UNCLASSIFIED', 'UNCLASSIFIED', NULL, 50000000, 'Direct financing (Danish model)', 120000, 'drones/year', 100, '{ML10}',
    false, DATE '2026-10-01', DATE '2027-09-30', 'OPEN'
FROM organization o WHERE o.code = 'mod-dk'
  AND NOT EXISTS (SELECT 1 FROM transfer_offer x WHERE x.organization_id = o.id AND x.title = 'FPV drone production financing (demo)');

INSERT INTO transfer_offer (organization_id, title, description, areas, transfer_type, min_trl, min_mrl,
    min_monthly_capacity, required_certifications, required_clearance, classification, max_risk_tier, budget_eur,
    funding_instrument, target_volume, target_volume_unit, localization_target_percent, export_ml_codes,
    export_licence_required, opens_at, closes_at, status)
SELECT o.id, 'Electronic components supply for EW systems (demo)', 'Fictional demo offer. RF components and boards for Ukrainian EW makers.', '{components.electronics,ew}', 'COMPONENT_SUPPLY', 6, 6,
    NULL, '{ISO-9001}', 'NATO_RESTRICTED', 'UNCLASSIFIED', NULL, 10000000, 'Procurement contract', NULL, NULL, 20, '{ML11}',
    false, DATE '2026-10-01', DATE '2027-09-30', 'OPEN'
FROM organization o WHERE o.code = 'mod-de'
  AND NOT EXISTS (SELECT 1 FROM transfer_offer x WHERE x.organization_id = o.id AND x.title = 'Electronic components supply for EW systems (demo)');
