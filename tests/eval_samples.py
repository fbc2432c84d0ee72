"""Invented rows in the formats of ACLED exports (current and 2016 schema) and of CASE-2021 task 2, written for
warlog's tests. They hold no ACLED or CASE data: the real sets are read from ../shared/data/dev at evaluation
time and never copied into the repository. The tests write them to a temporary folder."""

ACLED_2020 = """\
data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3
9000001,,XXX1,1,3-May-20,2020,1,Protests,Peaceful protest,Protesters (Ukraine),,6,,,,,Invented,Ukraine,,,,Kharkiv,49.9935,36.2304,1,warlog test fixture,Other,"On 3 May 2020, around 200 residents protested in Kharkiv against the closure of the central market. The rally ended peacefully.",0,1589000000,UKR
9000002,,XXX2,2,4-May-20,2020,1,Battles,Armed clash,Military Forces of Ukraine (2019-),,1,NAF: United Armed Forces of Novorossiya,,2,,Invented,Ukraine,,,,Avdiivka,48.1394,37.7497,1,warlog test fixture,Other,"On 4 May 2020, Ukrainian soldiers clashed with separatist fighters near Avdiivka in Donetsk region. Two Ukrainian soldiers were killed in the fighting.",2,1589000000,UKR
9000003,,XXX3,3,5-May-20,2020,1,Violence against civilians,Attack,Unidentified Armed Group (Mexico),,3,Civilians (Mexico),,7,,Invented,Mexico,,,,Culiacan,24.8049,-107.3940,1,warlog test fixture,Other,"On 5 May 2020, gunmen shot dead a taxi driver in Culiacan, Sinaloa, and fled in a stolen car. One man was killed.",1,1589000000,MEX
9000004,,XXX4,4,6-May-20,2020,1,Explosions/Remote violence,Remote explosive/landmine/IED,Al Shabaab,,2,Military Forces of Somalia (2017-),,1,,Invented,Somalia,,,,Afgooye,2.1414,45.1211,1,warlog test fixture,Other,"On 6 May 2020, Al Shabaab militants detonated a roadside bomb against an army convoy near Afgooye in Lower Shabelle. Casualties were reported but not counted; fatalities coded as 10.",10,1589000000,SOM
9000005,,XXX5,5,6-May-20,2020,1,Protests,Peaceful protest,Protesters (Chile),,6,,,,,Invented,Chile,,,,Santiago,-33.4489,-70.6693,1,warlog test fixture,Other,,0,1589000000,CHL
9000006,,XXX6,6,7-May-20,2020,1,Protests,Peaceful protest,Protesters (Peru),,6,,,,,Invented,Peru,,,,Lima,-12.0464,-77.0428,1,warlog test fixture,Other,"El 7 de mayo de 2020, manifestantes bloquearon una carretera en Lima para exigir ayuda alimentaria del gobierno.",0,1589000000,PER
9000007,,XXX7,7,8-May-20,2020,1,Riots,Violent demonstration,Rioters (India),,5,Police Forces of India (2014-),,1,,Invented,India,,,,Patna,25.5941,85.1376,1,warlog test fixture,Other,"On 8 May 2020, rioters set fire to a police station in Patna, Bihar, after a young man died in police custody. Several officers were hurt.",0,1589000000,IND
9000008,,XXX8,8,9-May-20,2020,1,Explosions/Remote violence,Air/drone strike,Military Forces of Libya (2014-) Haftar Faction,,8,Military Forces of Libya (2016-) Government of National Accord,,1,,Invented,Libya,,,,Tripoli,32.8872,13.1913,1,warlog test fixture,Other,"On 9 May 2020, LNA warplanes struck positions of GNA forces south of Tripoli. Three fighters were killed and four wounded.",3,1589000000,LBY
"""

ACLED_2016 = """\
,actor1,actor2,admin1,admin2,admin3,ally_actor_1,ally_actor_2,country,data_id,event_date,event_id_cnty,event_id_no_cnty,event_type,fatalities,geo_precision,gwno,inter1,inter2,interaction,latitude,location,longitude,notes,source,time_precision,year
0,Protesters (Tunisia),,,,,,,Tunisia,8000,2016-06-20,YYY0,0,Riots/Protests,0,1,,,,,36.8065,Tunis,10.1815,"Hundreds of unemployed graduates protested in front of the ministry of employment in Tunis, demanding jobs.",warlog test fixture,1,2016
1,Al Shabaab,AMISOM: African Union Mission in Somalia (2007-) (Kenya),,,,,,Somalia,8001,2016-06-22,YYY1,1,Battle-No change of territory,4,1,,,,,-0.3582,Kismayo,42.5454,Al Shabaab fighters attacked an AMISOM base near Kismayo; four militants were killed when the attack was repulsed.,warlog test fixture,1,2016
2,Military Forces of Libya (2016-) Presidential Guard,Islamic State (Tripoli),,,,,,Libya,8002,2016-06-25,YYY2,2,Battle-Government regains territory,6,1,,,,,31.2089,Sirte,16.5887,Forces loyal to the unity government retook a district of Sirte from Islamic State fighters. Six soldiers died in the assault.,warlog test fixture,1,2016
3,Unidentified Armed Group (Nigeria),Civilians (Nigeria),,,,,,Nigeria,8003,2016-06-28,YYY3,3,Violence against civilians,2,1,,,,,10.5105,Kaduna,7.4165,Gunmen killed two farmers in a village near Kaduna and abducted a third.,warlog test fixture,1,2016
4,Boko Haram - Wilayat Gharb Ifriqiyyah,Military Forces of Nigeria (2015-),,,,,,Nigeria,8004,2016-06-30,YYY4,4,Remote violence,0,1,,,,,11.8311,Maiduguri,13.1510,Insurgents fired mortar rounds at an army base on the outskirts of Maiduguri; no casualties were reported.,warlog test fixture,1,2016
"""

CASE = """\
id\tEventSnippet\tSubType
1\tPolice fired tear gas at thousands of students marching peacefully to parliament, leaving dozens injured.\tFORCE_AGAINST_PROTEST
2\tA suicide bomber blew himself up at a checkpoint outside the city, killing five soldiers, officials said.\tSUIC_BOMB
3\tGovernment troops recaptured the town from the rebels on Sunday after three days of heavy fighting.\tGOV_REGAINS_TERIT
4\tThe foreign ministers of the two countries met in Geneva to discuss the reopening of their embassies.\tDIPLO
5\tHeavy floods swept through the northern provinces, destroying hundreds of homes and displacing thousands.\tNATURAL_DISASTER
6\tWarplanes bombed a market in the rebel-held town, killing at least twelve civilians, a monitoring group said.\tAIR_STRIKE
7\tHundreds of workers gathered peacefully outside the factory to demand unpaid wages.\tPEACE_PROTEST
"""

SAMPLES = {"acled-2020-sample.csv": ACLED_2020, "acled-2016-sample.csv": ACLED_2016, "case-sample.tsv": CASE}
