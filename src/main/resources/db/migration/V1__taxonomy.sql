-- Reference data the rest of the schema points at. Codes are stable identifiers that API
-- clients and other systems store; names may be edited, codes never.

CREATE TABLE classification_level (
    code    text PRIMARY KEY,
    rank    integer NOT NULL UNIQUE,   -- higher rank = more sensitive; clearance compares ranks
    name_en text NOT NULL,
    name_uk text NOT NULL
);

INSERT INTO classification_level (code, rank, name_en, name_uk) VALUES
  ('UNCLASSIFIED',      0, 'NATO UNCLASSIFIED',  'НАТО НЕСЕКРЕТНО'),
  ('NATO_RESTRICTED',   1, 'NATO RESTRICTED',    'НАТО ДЛЯ СЛУЖБОВОГО КОРИСТУВАННЯ'),
  ('NATO_CONFIDENTIAL', 2, 'NATO CONFIDENTIAL',  'НАТО КОНФІДЕНЦІЙНО'),
  ('NATO_SECRET',       3, 'NATO SECRET',        'НАТО ТАЄМНО'),
  ('COSMIC_TOP_SECRET', 4, 'COSMIC TOP SECRET',  'КОСМІК ЦІЛКОМ ТАЄМНО');

-- The tree is encoded in the code itself ("munitions.artillery-155" is a child of
-- "munitions"), so "an area or any of its descendants" is a prefix test that both the
-- matcher and SQL can evaluate without recursion.
CREATE TABLE capability_area (
    code        text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]+(\.[a-z0-9-]+)*$'),
    parent_code text REFERENCES capability_area (code),
    name_en     text NOT NULL,
    name_uk     text NOT NULL,
    ml_codes    text[] NOT NULL DEFAULT '{}',
    sort_order  integer NOT NULL DEFAULT 0
);
CREATE INDEX capability_area_code_prefix ON capability_area (code text_pattern_ops);

INSERT INTO capability_area (code, parent_code, name_en, name_uk, ml_codes, sort_order) VALUES
  ('munitions', NULL, 'Munitions', 'Боєприпаси', '{ML3,ML8}', 10),
  ('munitions.artillery-155', 'munitions', '155-mm artillery ammunition', 'Артилерійські боєприпаси 155 мм', '{ML3,ML8}', 11),
  ('munitions.artillery-152-122', 'munitions', '152/122-mm artillery ammunition', 'Артилерійські боєприпаси 152/122 мм', '{ML3,ML8}', 12),
  ('munitions.tank-125', 'munitions', '125-mm tank ammunition', 'Танкові боєприпаси 125 мм', '{ML3}', 13),
  ('munitions.mortar', 'munitions', 'Mortar ammunition', 'Мінометні боєприпаси', '{ML3}', 14),
  ('munitions.propellant-energetics', 'munitions', 'Propellants and energetic materials', 'Пороха та енергетичні матеріали', '{ML8}', 15),
  ('missiles', NULL, 'Missiles', 'Ракети', '{ML4}', 20),
  ('missiles.cruise', 'missiles', 'Cruise missiles', 'Крилаті ракети', '{ML4}', 21),
  ('missiles.ballistic', 'missiles', 'Ballistic missiles', 'Балістичні ракети', '{ML4}', 22),
  ('missiles.sam-interceptor', 'missiles', 'Surface-to-air interceptors', 'Зенітні ракети-перехоплювачі', '{ML4}', 23),
  ('missiles.atgm', 'missiles', 'Anti-tank guided missiles', 'Протитанкові керовані ракети', '{ML4}', 24),
  ('air-defense', NULL, 'Air defence', 'Протиповітряна оборона', '{ML4,ML5}', 30),
  ('air-defense.systems', 'air-defense', 'Air-defence systems', 'Зенітні ракетні комплекси', '{ML4,ML5}', 31),
  ('air-defense.fire-control', 'air-defense', 'Air-defence fire control', 'Системи керування вогнем ППО', '{ML5}', 32),
  ('armor', NULL, 'Armour', 'Бронетехніка', '{ML6,ML13}', 40),
  ('armor.tanks', 'armor', 'Tanks', 'Танки', '{ML6}', 41),
  ('armor.ifv-apc', 'armor', 'Infantry fighting vehicles and APCs', 'БМП та БТР', '{ML6}', 42),
  ('armor.protection', 'armor', 'Armour protection', 'Броньовий захист', '{ML13}', 43),
  ('artillery', NULL, 'Artillery systems', 'Артилерійські системи', '{ML2}', 50),
  ('artillery.towed', 'artillery', 'Towed artillery', 'Буксирувана артилерія', '{ML2}', 51),
  ('artillery.self-propelled', 'artillery', 'Self-propelled artillery', 'Самохідна артилерія', '{ML2}', 52),
  ('artillery.mlrs', 'artillery', 'Multiple launch rocket systems', 'Реактивні системи залпового вогню', '{ML2}', 53),
  ('artillery.barrels', 'artillery', 'Gun barrels', 'Артилерійські стволи', '{ML2}', 54),
  ('ew', NULL, 'Electronic warfare', 'Радіоелектронна боротьба', '{ML11}', 60),
  ('ew.jamming', 'ew', 'Jamming', 'Радіоелектронне придушення', '{ML11}', 61),
  ('ew.sigint', 'ew', 'Signals intelligence', 'Радіотехнічна розвідка', '{ML11}', 62),
  ('ew.counter-uas', 'ew', 'Counter-UAS', 'Протидія БпЛА', '{ML11}', 63),
  ('radar', NULL, 'Radar', 'Радіолокація', '{ML5,ML11}', 70),
  ('radar.air-surveillance', 'radar', 'Air-surveillance radar', 'РЛС огляду повітряного простору', '{ML5,ML11}', 71),
  ('radar.counter-battery', 'radar', 'Counter-battery radar', 'Контрбатарейні РЛС', '{ML5,ML11}', 72),
  ('radar.ground', 'radar', 'Ground-surveillance radar', 'РЛС наземної розвідки', '{ML5,ML11}', 73),
  ('autonomous', NULL, 'Autonomous systems', 'Автономні системи', '{ML10,ML6,ML9}', 80),
  ('autonomous.uav-fpv', 'autonomous', 'FPV drones', 'FPV-дрони', '{ML10}', 81),
  ('autonomous.uav-long-range', 'autonomous', 'Long-range UAVs', 'БпЛА великої дальності', '{ML10}', 82),
  ('autonomous.ugv', 'autonomous', 'Unmanned ground vehicles', 'Наземні роботизовані комплекси', '{ML6}', 83),
  ('autonomous.usv', 'autonomous', 'Unmanned surface vessels', 'Безекіпажні катери', '{ML9}', 84),
  ('components', NULL, 'Components', 'Компоненти', '{}', 90),
  ('components.electronics', 'components', 'Electronics', 'Електроніка', '{ML11}', 91),
  ('components.optics', 'components', 'Optics', 'Оптика', '{ML15}', 92),
  ('components.engines', 'components', 'Engines', 'Двигуни', '{ML6,ML10}', 93),
  ('components.machining', 'components', 'Machining and production equipment', 'Механообробка та виробниче обладнання', '{ML18}', 94);

CREATE TABLE certification (
    code    text PRIMARY KEY,
    name_en text NOT NULL,
    name_uk text NOT NULL
);

INSERT INTO certification (code, name_en, name_uk) VALUES
  ('AQAP-2110', 'NATO AQAP 2110: quality assurance for design, development and production', 'NATO AQAP 2110: забезпечення якості проєктування, розроблення і виробництва'),
  ('AQAP-2105', 'NATO AQAP 2105: deliverable quality plans', 'NATO AQAP 2105: плани якості для продукції'),
  ('AQAP-2131', 'NATO AQAP 2131: quality assurance for final inspection and test', 'NATO AQAP 2131: забезпечення якості під час остаточного контролю і випробувань'),
  ('AQAP-2210', 'NATO AQAP 2210: software quality assurance', 'NATO AQAP 2210: забезпечення якості програмного забезпечення'),
  ('AQAP-2310', 'NATO AQAP 2310: aviation, space and defence suppliers', 'NATO AQAP 2310: постачальники авіаційної, космічної та оборонної галузей'),
  ('ISO-9001', 'ISO 9001 quality management', 'ISO 9001 управління якістю'),
  ('EN-9100', 'EN/AS 9100 aerospace quality management', 'EN/AS 9100 управління якістю в аерокосмічній галузі'),
  ('ISO-27001', 'ISO/IEC 27001 information security', 'ISO/IEC 27001 інформаційна безпека');

CREATE TABLE transfer_type (
    code    text PRIMARY KEY,
    name_en text NOT NULL,
    name_uk text NOT NULL
);

INSERT INTO transfer_type (code, name_en, name_uk) VALUES
  ('LICENSED_PRODUCTION', 'Licensed production', 'Ліцензійне виробництво'),
  ('JOINT_VENTURE', 'Joint venture', 'Спільне підприємство'),
  ('CO_PRODUCTION', 'Co-production', 'Спільне виробництво'),
  ('KNOW_HOW_TRANSFER', 'Know-how transfer', 'Передача ноу-хау'),
  ('TOOLING_AND_EQUIPMENT', 'Tooling and equipment', 'Оснащення та обладнання'),
  ('COMPONENT_SUPPLY', 'Component supply', 'Постачання компонентів'),
  ('DIRECT_FINANCING', 'Direct financing of Ukrainian production', 'Пряме фінансування українського виробництва'),
  ('RND_COOPERATION', 'R&D cooperation', 'Співпраця у НДДКР'),
  ('TRAINING', 'Training', 'Навчання');

-- Risk tier is the coordinators' default assessment of exposure to strikes and the front
-- line (1 low ... 4 front line); admins adjust it as the situation changes.
CREATE TABLE oblast (
    code      text PRIMARY KEY,          -- ISO 3166-2:UA
    name_en   text NOT NULL,
    name_uk   text NOT NULL,
    risk_tier integer NOT NULL CHECK (risk_tier BETWEEN 1 AND 4)
);

INSERT INTO oblast (code, name_en, name_uk, risk_tier) VALUES
  ('UA-05', 'Vinnytsia Oblast', 'Вінницька область', 1),
  ('UA-07', 'Volyn Oblast', 'Волинська область', 1),
  ('UA-09', 'Luhansk Oblast', 'Луганська область', 4),
  ('UA-12', 'Dnipropetrovsk Oblast', 'Дніпропетровська область', 3),
  ('UA-14', 'Donetsk Oblast', 'Донецька область', 4),
  ('UA-18', 'Zhytomyr Oblast', 'Житомирська область', 2),
  ('UA-21', 'Zakarpattia Oblast', 'Закарпатська область', 1),
  ('UA-23', 'Zaporizhzhia Oblast', 'Запорізька область', 4),
  ('UA-26', 'Ivano-Frankivsk Oblast', 'Івано-Франківська область', 1),
  ('UA-30', 'Kyiv City', 'Місто Київ', 2),
  ('UA-32', 'Kyiv Oblast', 'Київська область', 2),
  ('UA-35', 'Kirovohrad Oblast', 'Кіровоградська область', 2),
  ('UA-40', 'Sevastopol', 'Севастополь', 4),
  ('UA-43', 'Autonomous Republic of Crimea', 'Автономна Республіка Крим', 4),
  ('UA-46', 'Lviv Oblast', 'Львівська область', 1),
  ('UA-48', 'Mykolaiv Oblast', 'Миколаївська область', 3),
  ('UA-51', 'Odesa Oblast', 'Одеська область', 2),
  ('UA-53', 'Poltava Oblast', 'Полтавська область', 2),
  ('UA-56', 'Rivne Oblast', 'Рівненська область', 1),
  ('UA-59', 'Sumy Oblast', 'Сумська область', 3),
  ('UA-61', 'Ternopil Oblast', 'Тернопільська область', 1),
  ('UA-63', 'Kharkiv Oblast', 'Харківська область', 4),
  ('UA-65', 'Kherson Oblast', 'Херсонська область', 4),
  ('UA-68', 'Khmelnytskyi Oblast', 'Хмельницька область', 1),
  ('UA-71', 'Cherkasy Oblast', 'Черкаська область', 2),
  ('UA-74', 'Chernihiv Oblast', 'Чернігівська область', 3),
  ('UA-77', 'Chernivtsi Oblast', 'Чернівецька область', 1);
