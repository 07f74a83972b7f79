-- Demo caseload for `caseload`: fictional people, services and notes for a social
-- prescribing link worker team in a fictional northern English city.
-- Every name, phone number (Ofcom drama ranges), email (example.org/.com) and NHS number
-- (999 test range, valid check digit) is made up.
-- All dates are relative to 'now','localtime', which the app replaces with the
-- moment of its own clock, so the demo always looks current (and tests can pin it).
-- Runs after the migrations, inside one transaction, with foreign keys on.

-- =====================================================================
-- Community services directory
-- =====================================================================

-- Food
INSERT INTO service (id, uid, name, organisation, description, categories, area, address, postcode, phone, email, url, opening_times, eligibility, cost, how_to_refer, last_verified_on, status, source, created_at, updated_at) VALUES
(1, 'demo-svc-001', 'Riverside Community Food Bank', 'Riverside Churches Together', 'Emergency food parcels to last three days, with toiletries and pet food when available. A volunteer will sit with you over a cup of tea and help with next steps.', 'food', 'Riverside', 'St Mark''s Church Hall, 14 Mill Lane', 'LS10 2QR', '0113 496 0109', 'foodbank@riverside-churches.example.org', 'https://example.org/riverside-food-bank', 'Mon, Wed and Fri 12:00-14:00', 'Anyone in crisis; a food bank voucher is needed', 'Free', 'Voucher from a link worker, advice centre or GP practice. Up to three vouchers in six months before a check-in.', date('now','localtime','-21 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-21 days','+12 hours')),
(2, 'demo-svc-002', 'Northside Food Pantry', 'Northside Community Association', 'Membership pantry: pay £4 a visit and choose around £20 worth of groceries, including fresh fruit and veg. Friendly, no-stigma shop layout.', 'food', 'Northside', 'Northside Community Centre, 2 Chapel Road', 'LS7 3AL', '0113 496 0118', 'pantry@northside-ca.example.org', 'https://example.org/northside-food-pantry', 'Tue 10:00-13:00, Thu 16:00-18:30', 'Living in Northside (LS7 and LS17 postcodes)', '£4 per visit', 'Drop in to register; bring something with your address on it.', date('now','localtime','-35 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-35 days','+12 hours')),
(3, 'demo-svc-003', 'East Hill Community Fridge', 'East Hill Neighbourhood Trust', 'Surplus food from local supermarkets and bakeries, shared free with no questions asked.', 'food', 'East Hill', 'The Old Library, 61 Hill Top Road', 'LS9 6PD', '0113 496 0127', 'fridge@easthill-trust.example.org', 'https://example.org/east-hill-community-fridge', 'Daily 15:00-17:00', 'Open to all', 'Free', 'Just turn up.', date('now','localtime','-64 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-64 days','+12 hours')),
(4, 'demo-svc-004', 'Old Town Lunch Club', 'Age Well City', 'Two-course hot lunch and a chat for older people, with tea and a raffle. Door-to-door minibus for people who can''t get there on their own.', 'food,befriending', 'Old Town', 'Quarry Street Methodist Hall, 5 Quarry Street', 'LS2 7HX', '0113 496 0136', 'lunchclub@agewell.example.org', 'https://example.org/old-town-lunch-club', 'Wed 12:00-14:00', 'Over 60s', '£4.50 including pudding; minibus £1 each way', 'Phone to book a place. Minibus needs 48 hours'' notice.', date('now','localtime','-12 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-12 days','+12 hours')),
(5, 'demo-svc-005', 'Holy Trinity Pay-As-You-Feel Café', 'Holy Trinity Church', 'Community café cooking with surplus food. Pay what you can, or help out for an hour instead.', 'food,faith groups,befriending', 'Old Town', 'Holy Trinity Church, Boar Lane', 'LS1 6HW', '0113 496 0145', 'cafe@holytrinity.example.org', 'https://example.org/holy-trinity-cafe', 'Thu and Sat 10:00-14:00', 'All welcome, faith or none', 'Pay as you feel', 'Drop in.', date('now','localtime','-150 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-150 days','+12 hours')),
(6, 'demo-svc-006', 'Westgate Food Bank', 'Westgate Food Bank Partnership', 'Food parcels and a weekly fresh produce table. Energy top-up vouchers available on referral.', 'food', 'Westgate', 'Unit 4, Canal Wharf Industrial Estate', 'LS12 1DU', '0113 496 0154', 'hello@westgatefoodbank.example.org', 'https://example.org/westgate-food-bank', 'Tue and Fri 11:00-14:00', 'Anyone in crisis; voucher needed', 'Free', 'E-voucher from link worker, advice centre, housing officer or school.', date('now','localtime','-410 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-410 days','+12 hours')),
(7, 'demo-svc-007', 'Cook and Eat Together', 'Riverside Community Kitchen', 'Six-week course cooking simple, cheap meals from scratch, then eating together. Take home a bag of ingredients each week.', 'food,befriending', 'Riverside', 'Riverside Community Kitchen, 3 Wharf Street', 'LS10 1PZ', '0113 496 0163', 'cook@riversidekitchen.example.org', 'https://example.org/cook-and-eat-together', 'Mon 10:00-13:00 (courses start every eight weeks)', 'Adults 18+ on a low income', 'Free', 'Referral form from link worker or self-referral by phone.', date('now','localtime','-88 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-88 days','+12 hours')),
(8, 'demo-svc-008', 'Citywide Emergency Food Line', 'City Council Local Welfare Support', 'Phone line that arranges food and essentials delivered to people who can''t get out, for example while unwell or waiting for a first benefit payment.', 'food,benefits', 'Citywide', 'Civic Hall, Calverley Street', 'LS1 1UR', '0113 496 0172', 'localwelfare@citycouncil.example.org', 'https://example.org/emergency-food-line', 'Mon-Fri 09:00-17:00', 'City residents in crisis who can''t reach a food bank', 'Free', 'Person or worker phones the line; a short assessment is done on the call.', date('now','localtime','-47 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-47 days','+12 hours'));

-- Money, debt and benefits
INSERT INTO service (id, uid, name, organisation, description, categories, area, address, postcode, phone, email, url, opening_times, eligibility, cost, how_to_refer, last_verified_on, status, source, created_at, updated_at) VALUES
(9, 'demo-svc-009', 'City Advice Centre – Benefits and Debt Advice', 'City Advice Bureau', 'Free, confidential benefits advice and debt advice: benefit checks, help with Universal Credit, PIP and Attendance Allowance forms, mandatory reconsiderations and appeals, and setting up debt plans or Debt Relief Orders.', 'benefits,money and debt advice', 'Citywide', 'City Advice Centre, 31 Vicar Lane', 'LS1 7JH', '0113 496 0181', 'advice@cityadvice.example.org', 'https://example.org/city-advice-centre', 'Mon-Fri 09:30-16:00 (drop-in Tue and Thu mornings); phone line Mon-Fri 10:00-16:00', 'Anyone living or working in the city', 'Free', 'Drop in, phone, or professional referral form (faster for urgent cases such as sanctions or bailiffs).', date('now','localtime','-9 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-9 days','+12 hours')),
(10, 'demo-svc-010', 'Northside Money Advice Drop-in', 'Northside Community Association', 'Weekly drop-in with a trained money adviser for budgeting, arrears and dealing with creditors.', 'money and debt advice', 'Northside', 'Northside Community Centre, 2 Chapel Road', 'LS7 3AL', '0113 496 0190', 'money@northside-ca.example.org', 'https://example.org/northside-money-advice', 'Mon 13:00-16:00', 'Northside residents', 'Free', 'Drop in; first come first served.', date('now','localtime','-120 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-120 days','+12 hours')),
(11, 'demo-svc-011', 'StepForward Debt Help', 'StepForward Debt Charity', 'National debt charity with a phone and online service. Helps set up free debt management plans and talks through insolvency options.', 'money and debt advice', 'Citywide', 'Phone and online only', NULL, '0113 496 0199', 'help@stepforward.example.org', 'https://example.org/stepforward-debt-help', 'Mon-Fri 08:00-20:00, Sat 09:00-13:00', 'Anyone in the UK with debts', 'Free', 'Self-referral by phone or online form.', date('now','localtime','-200 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-200 days','+12 hours')),
(12, 'demo-svc-012', 'Welfare Rights Unit', 'City Council', 'Specialist welfare rights advisers for complex benefit cases, including representation at tribunal.', 'benefits', 'Citywide', 'Merrion House, 110 Merrion Centre', 'LS2 8BB', '0113 496 0208', 'welfarerights@citycouncil.example.org', 'https://example.org/welfare-rights-unit', 'Mon-Fri 09:00-17:00 (by appointment)', 'City residents; professional referral only', 'Free', 'Professional referral form; include dates of decision letters.', date('now','localtime','-395 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-395 days','+12 hours')),
(13, 'demo-svc-013', 'Cancer Money Matters', 'Yorkshire Cancer Support Network', 'Benefits and grants advice for people affected by cancer and their carers, including help applying for PIP under special rules.', 'benefits,money and debt advice', 'Citywide', 'Cancer Information Centre, St James''s Hospital, Beckett Street', 'LS9 7TF', '0113 496 0217', 'money@ycsn.example.org', 'https://example.org/cancer-money-matters', 'Mon-Thu 10:00-15:00', 'People affected by cancer and their carers', 'Free', 'Self-referral or referral from hospital or link worker.', date('now','localtime','-176 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-176 days','+12 hours')),
(14, 'demo-svc-014', 'East Hill Credit Union', 'East Hill Credit Union Ltd', 'Affordable loans, savings accounts and a ''jam jar'' budgeting account. A fair alternative to doorstep lenders.', 'money and debt advice', 'East Hill', '68 Hill Top Road', 'LS9 6PE', '0113 496 0226', 'info@easthillcu.example.org', 'https://example.org/east-hill-credit-union', 'Mon-Fri 10:00-15:00, Sat 10:00-12:00', 'Live or work in the city', 'Free to join; loan interest applies', 'Drop in or apply online.', date('now','localtime','-260 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-260 days','+12 hours')),
(15, 'demo-svc-015', 'Energy Savers Advice', 'Warm Homes City', 'Help with energy bills and arrears, fuel vouchers, Warm Home Discount and grants for boilers and insulation. Home visits for people who can''t get out.', 'money and debt advice,housing', 'Citywide', 'Warm Homes City, 9 Park Square East', 'LS1 2NE', '0113 496 0235', 'advice@warmhomescity.example.org', 'https://example.org/energy-savers', 'Mon-Fri 09:00-17:00', 'City residents struggling with fuel costs', 'Free', 'Phone or online referral form; link workers can refer with consent.', date('now','localtime','-28 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-28 days','+12 hours')),
(16, 'demo-svc-016', 'Pension Credit Helpers', 'Age Well City', 'Trained volunteers help older people check what they are entitled to and fill in Pension Credit and Attendance Allowance forms, at home if needed.', 'benefits', 'Citywide', 'Age Well City, 5 Quarry Street', 'LS2 7HX', '0113 496 0244', 'entitled@agewell.example.org', 'https://example.org/pension-credit-helpers', 'Mon-Fri 10:00-16:00 (home visits by appointment)', 'Over State Pension age', 'Free', 'Phone Age Well or referral from link worker.', date('now','localtime','-71 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-71 days','+12 hours'));

-- Housing
INSERT INTO service (id, uid, name, organisation, description, categories, area, address, postcode, phone, email, url, opening_times, eligibility, cost, how_to_refer, last_verified_on, status, source, created_at, updated_at) VALUES
(17, 'demo-svc-017', 'Housing Options', 'City Council', 'Advice and support if you are homeless or at risk of becoming homeless, including emergency and temporary accommodation.', 'housing', 'Citywide', 'Merrion House, 110 Merrion Centre', 'LS2 8BB', '0113 496 0253', 'housingoptions@citycouncil.example.org', 'https://example.org/housing-options', 'Mon-Fri 09:00-17:00; out of hours emergency line', 'City residents', 'Free', 'Drop in, phone, or Duty to Refer form for public bodies.', date('now','localtime','-40 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-40 days','+12 hours')),
(18, 'demo-svc-018', 'HomeRight Housing Advice', 'HomeRight Housing Charity', 'Independent housing advice on tenancy rights, evictions, disrepair and damp, and dealing with landlords.', 'housing', 'Citywide', 'Unit 2, Albion Place', 'LS1 6JL', '0113 496 0262', 'advice@homeright.example.org', 'https://example.org/homeright', 'Mon, Wed and Fri 10:00-16:00', 'Tenants in the city', 'Free', 'Phone or online form; urgent eviction cases seen first.', date('now','localtime','-55 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-55 days','+12 hours')),
(19, 'demo-svc-019', 'Riverside Tenancy Support', 'Riverside Homes Housing Association', 'Short-term help to settle into a new tenancy: setting up bills, furniture grants, and getting to know the area.', 'housing', 'Riverside', 'Riverside Homes, 1 Navigation Walk', 'LS10 1JJ', '0113 496 0271', 'tenancysupport@riversidehomes.example.org', 'https://example.org/riverside-tenancy-support', 'Mon-Fri 09:00-17:00', 'Riverside Homes tenants', 'Free', 'Via housing officer or link worker.', date('now','localtime','-310 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-310 days','+12 hours')),
(20, 'demo-svc-020', 'Safe Haven Day Centre', 'Safe Haven City', 'Day centre for people who are homeless or vulnerably housed: breakfast, showers, laundry, post address and a housing worker.', 'housing,food', 'Old Town', 'The Crypt, 2 St George''s Road', 'LS1 3DL', '0113 496 0280', 'info@safehaven.example.org', 'https://example.org/safe-haven', 'Mon-Fri 08:00-14:00', 'People sleeping rough or in temporary accommodation', 'Free', 'Drop in.', date('now','localtime','-18 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-18 days','+12 hours')),
(21, 'demo-svc-021', 'Care & Repair City', 'Care & Repair City', 'Handyperson service and small adaptations such as grab rails, key safes and stair rails, to help people stay safe at home.', 'housing', 'Citywide', 'Unit 7, Kirkstall Road Industrial Park', 'LS4 2AZ', '0113 496 0289', 'jobs@careandrepair.example.org', 'https://example.org/care-and-repair', 'Mon-Fri 08:30-16:30', 'Over 60s or disabled homeowners and private tenants', 'Labour free; you pay for materials (grants available)', 'Phone or online referral; hospital discharge cases prioritised.', date('now','localtime','-90 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-90 days','+12 hours')),
(22, 'demo-svc-022', 'Declutter Together', 'Calmer Homes CIC', 'Gentle, non-judgemental support for people who find it hard to let go of things, with home visits and a monthly peer group.', 'housing,mental health peer support', 'Citywide', 'Calmer Homes, 14 Regent Street', 'LS7 4PE', '0113 496 0298', 'hello@calmerhomes.example.org', 'https://example.org/declutter-together', 'Home visits by arrangement; peer group first Wed of the month 18:00-19:30', 'Adults in the city', 'Free', 'Referral from link worker, fire service or housing.', date('now','localtime','-130 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-130 days','+12 hours'));

-- Befriending
INSERT INTO service (id, uid, name, organisation, description, categories, area, address, postcode, phone, email, url, opening_times, eligibility, cost, how_to_refer, last_verified_on, status, source, created_at, updated_at) VALUES
(23, 'demo-svc-023', 'Good Neighbours East Hill', 'East Hill Neighbourhood Trust', 'Volunteer befrienders visit once a week for a chat, a walk or help getting to appointments.', 'befriending', 'East Hill', 'The Old Library, 61 Hill Top Road', 'LS9 6PD', '0113 496 0307', 'neighbours@easthill-trust.example.org', 'https://example.org/good-neighbours-east-hill', 'Visits arranged to suit; office Mon-Thu 10:00-14:00', 'Adults living in East Hill who feel lonely', 'Free', 'Referral form from link worker or GP; waiting list about four weeks.', date('now','localtime','-45 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-45 days','+12 hours')),
(24, 'demo-svc-024', 'Telephone Friends', 'Age Well City', 'A regular weekly phone call with the same trained volunteer, for people who can''t easily get out.', 'befriending', 'Citywide', 'Age Well City, 5 Quarry Street', 'LS2 7HX', '0113 496 0316', 'phonefriends@agewell.example.org', 'https://example.org/telephone-friends', 'Calls Mon-Sat at a time that suits you', 'Over 55s', 'Free', 'Phone Age Well or referral from link worker.', date('now','localtime','-60 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-60 days','+12 hours')),
(25, 'demo-svc-025', 'Knit and Natter', 'Northside Library Friends', 'Bring your own knitting or crochet, or borrow needles and wool. Beginners very welcome.', 'befriending,arts', 'Northside', 'Northside Library, 40 Stainbeck Lane', 'LS7 3QR', '0113 496 0325', NULL, 'https://example.org/knit-and-natter', 'Fri 13:30-15:30', 'All welcome', 'Free (donations for tea)', 'Just turn up.', date('now','localtime','-240 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-240 days','+12 hours')),
(26, 'demo-svc-026', 'Riverside Tuesday Coffee Morning', 'St Mark''s Church', 'Relaxed coffee morning with board games, jigsaws and a friendly welcome team.', 'befriending', 'Riverside', 'St Mark''s Church Hall, 14 Mill Lane', 'LS10 2QR', '0113 496 0334', NULL, 'https://example.org/riverside-coffee-morning', 'Tue 10:00-12:00', 'All welcome', 'Free', 'Drop in.', date('now','localtime','-420 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-420 days','+12 hours')),
(27, 'demo-svc-027', 'Blokes'' Breakfast', 'Old Town Community Project', 'Monthly cooked breakfast and chat for men of all ages.', 'befriending', 'Old Town', 'The Corner Café, 22 Kirkgate', 'LS2 7DR', '0113 496 0343', NULL, 'https://example.org/blokes-breakfast', 'Last Sat of the month 09:00-11:00', 'Men 18+', '£3', 'Drop in.', date('now','localtime','-520 days'), 'inactive', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-520 days','+12 hours')),
(28, 'demo-svc-028', 'Chatty Café Table', 'Northside Library Friends', 'A table in the library café where anyone can sit and chat, with a volunteer host to get conversation going.', 'befriending', 'Northside', 'Northside Library, 40 Stainbeck Lane', 'LS7 3QR', '0113 496 0352', NULL, 'https://example.org/chatty-cafe', 'Mon and Thu 10:30-12:00', 'All welcome', 'Free (buy a drink if you can)', 'Just turn up.', date('now','localtime','-100 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-100 days','+12 hours')),
(29, 'demo-svc-029', 'Young Adults Social', 'Mind the Gap Youth Trust', 'Evening social group for 18-30s: games nights, film club and walks, led by young people with lived experience of anxiety and low mood.', 'befriending,mental health peer support', 'Citywide', 'The Hive, 12 Call Lane', 'LS1 6DN', '0113 496 0361', 'social@mindthegap.example.org', 'https://example.org/young-adults-social', 'Wed 18:00-20:00', 'Ages 18-30', 'Free', 'Self-referral by text or online form; worker can arrange a meet-up before the first session.', date('now','localtime','-33 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-33 days','+12 hours')),
(30, 'demo-svc-030', 'New Parents Meet-up', 'Westgate Family Hub', 'Drop-in for parents and carers of babies under one: play, tea, and a health visitor every other week.', 'befriending', 'Westgate', 'Westgate Family Hub, 3 Armley Road', 'LS12 2EJ', '0113 496 0370', 'familyhub@citycouncil.example.org', 'https://example.org/new-parents-meetup', 'Thu 10:00-11:30', 'Parents and carers of babies under 12 months', 'Free', 'Drop in.', date('now','localtime','-26 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-26 days','+12 hours')),
(31, 'demo-svc-031', 'Night Owls Listening Line', 'Night Owls City', 'Evening phone line run by trained volunteers for anyone who feels lonely or needs to talk. Not a crisis service.', 'befriending,mental health peer support', 'Citywide', 'Phone only', NULL, '0113 496 0379', 'hello@nightowls.example.org', 'https://example.org/night-owls', 'Every evening 18:00-00:00', 'Adults 18+', 'Free', 'Call the line; no referral needed.', date('now','localtime','-80 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-80 days','+12 hours'));

-- Walking
INSERT INTO service (id, uid, name, organisation, description, categories, area, address, postcode, phone, email, url, opening_times, eligibility, cost, how_to_refer, last_verified_on, status, source, created_at, updated_at) VALUES
(32, 'demo-svc-032', 'Riverside Health Walks', 'City Active Lives', 'Gentle 45-minute walks on flat paths, led by trained volunteer walk leaders, followed by a cuppa.', 'walking', 'Riverside', 'Meet at Riverside Park main gate, Water Lane', 'LS11 5QN', '0113 496 0388', 'walks@cityactive.example.org', 'https://example.org/riverside-health-walks', 'Mon 10:30', 'All abilities; walkers with sticks welcome', 'Free', 'Just turn up, or phone to be met on your first walk.', date('now','localtime','-52 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-52 days','+12 hours')),
(33, 'demo-svc-033', 'Walk and Talk Northside Park', 'CityMind', 'Friendly walking group where you can talk about how things are going, or just enjoy the park.', 'walking,mental health peer support', 'Northside', 'Meet at the café, Northside Park', 'LS7 4HE', '0113 496 0397', 'walkandtalk@citymind.example.org', 'https://example.org/walk-and-talk', 'Sat 11:00-12:30', 'Adults 18+', 'Free', 'Just turn up.', date('now','localtime','-140 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-140 days','+12 hours')),
(34, 'demo-svc-034', 'East Hill Gentle Ramblers', 'East Hill Ramblers', 'Two to four mile countryside walks, sharing lifts to the start. Walks are graded so you can build up.', 'walking', 'East Hill', 'Meet at East Hill Library car park', 'LS9 6PD', '0113 496 0406', 'ramblers@easthill.example.org', 'https://example.org/gentle-ramblers', 'Sun 10:00 (fortnightly)', 'Adults able to walk two miles', '£2 per walk plus share of petrol', 'Email or phone the walk co-ordinator.', date('now','localtime','-380 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-380 days','+12 hours')),
(35, 'demo-svc-035', 'Canal Towpath Walking Group', 'Riverside Residents Association', 'Weekly walk along the canal towpath to the locks and back.', 'walking', 'Riverside', 'Meet at Canal Wharf bridge', 'LS11 5PS', '0113 496 0415', NULL, 'https://example.org/canal-walk', 'Thu 14:00', 'All welcome', 'Free', 'Drop in.', date('now','localtime','-450 days'), 'inactive', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-450 days','+12 hours')),
(36, 'demo-svc-036', 'Buggy Walks', 'Westgate Family Hub', 'Pushchair-friendly walks round Westgate Park for parents and carers, ending at the Family Hub for tea.', 'walking,befriending', 'Westgate', 'Westgate Family Hub, 3 Armley Road', 'LS12 2EJ', '0113 496 0424', 'familyhub@citycouncil.example.org', 'https://example.org/buggy-walks', 'Tue 10:00', 'Parents and carers with babies and toddlers', 'Free', 'Drop in.', date('now','localtime','-26 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-26 days','+12 hours'));

-- Sport and exercise
INSERT INTO service (id, uid, name, organisation, description, categories, area, address, postcode, phone, email, url, opening_times, eligibility, cost, how_to_refer, last_verified_on, status, source, created_at, updated_at) VALUES
(37, 'demo-svc-037', 'Walking Football', 'City Community Sports Trust', 'Slower, non-contact football with no running. Great for fitness and friendship; lots of players have diabetes or heart conditions.', 'sport', 'East Hill', 'East Hill Leisure Centre, Selby Road', 'LS9 0EW', '0113 496 0433', 'walkingfootball@citysports.example.org', 'https://example.org/walking-football', 'Tue 11:00-12:00 and Fri 18:00-19:00', 'Over 50s', '£3 per session (first session free)', 'Just turn up in trainers.', date('now','localtime','-66 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-66 days','+12 hours')),
(38, 'demo-svc-038', 'Chair-based Exercise', 'Age Well City', 'Seated exercise class to music to build strength and keep joints moving, followed by tea.', 'sport', 'Old Town', 'Quarry Street Methodist Hall, 5 Quarry Street', 'LS2 7HX', '0113 496 0442', 'active@agewell.example.org', 'https://example.org/chair-exercise', 'Mon 14:00-15:00', 'Older people and anyone with limited mobility', '£2 per session', 'Drop in; minibus can be booked.', date('now','localtime','-75 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-75 days','+12 hours')),
(39, 'demo-svc-039', 'Couch to 5k Northside Park', 'Northside Runners', 'Nine-week beginners running programme in a friendly group. Nobody gets left behind.', 'sport', 'Northside', 'Meet at the café, Northside Park', 'LS7 4HE', '0113 496 0451', 'c25k@northsiderunners.example.org', 'https://example.org/couch-to-5k', 'Tue and Thu 18:30, Sat 09:00', 'Adults 18+, complete beginners', 'Free', 'Sign up online or turn up on the first week of a new course.', date('now','localtime','-110 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-110 days','+12 hours')),
(40, 'demo-svc-040', 'Women''s Swim Sessions', 'City Leisure', 'Women-only swimming with female lifeguards and covered windows. Lessons available for non-swimmers.', 'sport', 'Riverside', 'Riverside Pool, Dewsbury Road', 'LS11 5AD', '0113 496 0460', 'leisure@citycouncil.example.org', 'https://example.org/womens-swim', 'Sun 18:00-19:30, Wed 10:00-11:00', 'Women and girls 16+', '£2.50 with Leisure Card', 'Just turn up; ask at reception about lessons.', date('now','localtime','-95 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-95 days','+12 hours')),
(41, 'demo-svc-041', 'Active Lives Exercise Referral', 'City Leisure', 'Twelve weeks of supported, discounted gym and classes for people with long-term conditions, with an instructor who plans sessions with you.', 'sport', 'Citywide', 'All city leisure centres', NULL, '0113 496 0469', 'activelives@citycouncil.example.org', 'https://example.org/active-lives', 'Sessions at times to suit; induction Mon-Fri', 'Adults with a long-term health condition such as diabetes, high blood pressure or depression', '£15 for twelve weeks', 'Referral form from GP practice or link worker.', date('now','localtime','-30 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-30 days','+12 hours')),
(42, 'demo-svc-042', 'Table Tennis Social', 'Old Town Community Project', 'Relaxed table tennis; bats provided and all levels welcome. Tea and biscuits at half-time.', 'sport,befriending', 'Old Town', 'Old Town Community Centre, 8 Kirkgate', 'LS2 7DJ', '0113 496 0478', NULL, 'https://example.org/table-tennis-social', 'Wed 18:30-20:30', 'Adults 18+', '£2 per session', 'Drop in.', date('now','localtime','-405 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-405 days','+12 hours')),
(43, 'demo-svc-043', 'Tai Chi for Better Balance', 'City Falls Prevention Service', 'Gentle tai chi to improve balance and confidence and reduce the risk of falls. Can be done seated.', 'sport', 'East Hill', 'St Aidan''s Church Hall, Roundhay Road', 'LS8 5AB', '0113 496 0487', 'falls@citycommunityhealth.example.org', 'https://example.org/tai-chi-balance', 'Fri 10:00-11:00', 'Adults 60+ or anyone who has had a fall', 'Free', 'Self-referral or referral from link worker, GP or physio.', date('now','localtime','-22 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-22 days','+12 hours'));

-- Arts and culture
INSERT INTO service (id, uid, name, organisation, description, categories, area, address, postcode, phone, email, url, opening_times, eligibility, cost, how_to_refer, last_verified_on, status, source, created_at, updated_at) VALUES
(44, 'demo-svc-044', 'Paint and Chat', 'Riverside Arts', 'Relaxed painting group: no experience needed, all materials provided. It''s about having a go, not being good at it.', 'arts,befriending', 'Riverside', 'Riverside Arts Studio, 6 Water Lane', 'LS11 5WD', '0113 496 0496', 'paint@riversidearts.example.org', 'https://example.org/paint-and-chat', 'Thu 13:00-15:00', 'Adults 18+', '£2 per session', 'Drop in or phone first if you''d like someone to meet you.', date('now','localtime','-58 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-58 days','+12 hours')),
(45, 'demo-svc-045', 'Sing Your Heart Out Community Choir', 'Sing Your Heart Out', 'Community choir with no auditions and no need to read music. Singing is good for breathing, mood and meeting people.', 'arts,mental health peer support', 'Old Town', 'Quarry Street Methodist Hall, 5 Quarry Street', 'LS2 7HX', '0113 496 0505', 'sing@syho.example.org', 'https://example.org/community-choir', 'Mon 19:00-20:30', 'Adults 18+', '£3 per session (free if that''s hard)', 'Just turn up.', date('now','localtime','-37 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-37 days','+12 hours')),
(46, 'demo-svc-046', 'Creative Writing Circle', 'Northside Library Friends', 'Friendly writing group with short prompts, sharing if you want to. Poetry, memories and stories all welcome.', 'arts', 'Northside', 'Northside Library, 40 Stainbeck Lane', 'LS7 3QR', '0113 496 0514', NULL, 'https://example.org/writing-circle', 'Tue 14:00-15:30 (term time)', 'Adults 18+', 'Free', 'Drop in.', date('now','localtime','-390 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-390 days','+12 hours')),
(47, 'demo-svc-047', 'Museum Memories', 'City Museum', 'Dementia-friendly sessions handling museum objects and sharing memories, for people living with dementia and the people who care for them.', 'arts,carers', 'Old Town', 'City Museum, Millennium Square', 'LS2 8BH', '0113 496 0523', 'learning@citymuseum.example.org', 'https://example.org/museum-memories', 'First and third Tue of the month 10:30-12:00', 'People living with dementia and their carers', 'Free', 'Phone to book.', date('now','localtime','-82 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-82 days','+12 hours')),
(48, 'demo-svc-048', 'Ukulele for Beginners', 'East Hill Neighbourhood Trust', 'Learn a few chords and play songs together. Ukuleles available to borrow.', 'arts', 'East Hill', 'The Old Library, 61 Hill Top Road', 'LS9 6PD', '0113 496 0532', NULL, 'https://example.org/ukulele', 'Mon 18:00-19:00', 'Adults 18+', '£1 per session', 'Drop in.', date('now','localtime','-470 days'), 'inactive', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-470 days','+12 hours')),
(49, 'demo-svc-049', 'Pottery for Wellbeing', 'Clay Space CIC', 'Small group hand-building and wheel sessions in a calm studio, for people managing stress, low mood or caring roles.', 'arts,mental health peer support', 'Westgate', 'Clay Space, Unit 2 Tower Works', 'LS12 1AB', '0113 496 0541', 'hello@clayspace.example.org', 'https://example.org/pottery-wellbeing', 'Sat 10:00-12:00 (six-week blocks)', 'Adults referred by a link worker or mental health service', 'Free on referral', 'Link worker referral form; places fill quickly.', date('now','localtime','-140 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-140 days','+12 hours')),
(50, 'demo-svc-050', 'Photography Walks', 'City Camera Club', 'Monthly walk exploring the city with a camera or phone, then sharing photos over a drink.', 'arts,walking', 'Citywide', 'Meet outside the Central Library, Headrow', 'LS1 3AB', '0113 496 0550', 'walks@citycameraclub.example.org', 'https://example.org/photo-walks', 'Second Sun of the month 14:00', 'All welcome; any camera or phone', 'Free', 'Email to join the mailing list.', date('now','localtime','-430 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-430 days','+12 hours'));

-- Carers
INSERT INTO service (id, uid, name, organisation, description, categories, area, address, postcode, phone, email, url, opening_times, eligibility, cost, how_to_refer, last_verified_on, status, source, created_at, updated_at) VALUES
(51, 'demo-svc-051', 'City Carers Centre', 'Carers City', 'Information and support for unpaid carers: carer''s assessments, emergency plans and carer''s card, breaks and grants, and a carers'' support line.', 'carers', 'Citywide', 'Carers City, Devonshire Hall, 6 Devonshire Avenue', 'LS8 1AY', '0113 496 0559', 'support@carerscity.example.org', 'https://example.org/carers-centre', 'Mon-Fri 09:00-17:00; support line until 19:00 on Tue', 'Unpaid carers of any age caring for someone in the city', 'Free', 'Self-referral by phone or online; professionals can refer with consent.', date('now','localtime','-14 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-14 days','+12 hours')),
(52, 'demo-svc-052', 'Dementia Carers Café', 'Alzheimer''s Support City', 'Monthly café where carers and the person they care for can relax together, with a dementia adviser on hand.', 'carers,befriending', 'Old Town', 'Holy Trinity Church, Boar Lane', 'LS1 6HW', '0113 496 0568', 'cafe@alzsupportcity.example.org', 'https://example.org/dementia-carers-cafe', 'Second Thu of the month 14:00-16:00', 'People living with dementia and their carers', 'Free', 'Drop in.', date('now','localtime','-50 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-50 days','+12 hours')),
(53, 'demo-svc-053', 'Young Adult Carers Group', 'Carers City', 'Social group and one-to-one support for carers aged 16-25, with help around college and work.', 'carers', 'Citywide', 'Carers City, Devonshire Hall, 6 Devonshire Avenue', 'LS8 1AY', '0113 496 0577', 'yac@carerscity.example.org', 'https://example.org/young-adult-carers', 'Alternate Tue 17:00-19:00', 'Carers aged 16-25', 'Free', 'Self-referral or referral by any worker.', date('now','localtime','-415 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-415 days','+12 hours')),
(54, 'demo-svc-054', 'Parent Carers Forum', 'City Parent Carers Forum', 'Peer support and information for parents of disabled children and young adults, including help with EHC plans and transition to adult services.', 'carers', 'Citywide', 'Online and monthly meet-ups at Northside Community Centre', 'LS7 3AL', '0113 496 0586', 'info@cityparentcarers.example.org', 'https://example.org/parent-carers-forum', 'Coffee meet-up first Fri of the month 10:00-12:00', 'Parents and carers of disabled children and young adults up to 25', 'Free', 'Join online or turn up.', date('now','localtime','-190 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-190 days','+12 hours')),
(55, 'demo-svc-055', 'Carers Sitting Service', 'Crossroads Care City', 'A trained care worker sits with the person you care for at home, for up to three hours a week, so you can have a break.', 'carers', 'Citywide', 'Crossroads Care City, 21 Harrogate Road', 'LS7 3PD', '0113 496 0595', 'sitting@crossroadscity.example.org', 'https://example.org/sitting-service', 'Mon-Sat 09:00-21:00 by arrangement', 'Carers who have had a carer''s assessment', 'Free for up to 3 hours a week after assessment', 'Referral via City Carers Centre or adult social care.', date('now','localtime','-43 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-43 days','+12 hours'));

-- Employment and volunteering
INSERT INTO service (id, uid, name, organisation, description, categories, area, address, postcode, phone, email, url, opening_times, eligibility, cost, how_to_refer, last_verified_on, status, source, created_at, updated_at) VALUES
(56, 'demo-svc-056', 'Working Well Programme', 'Working Well Partnership', 'One-to-one employment support for people with health conditions or disabilities, working at your pace towards work or training.', 'employment', 'Citywide', 'Working Well, 4 Park Row', 'LS1 5HN', '0113 496 0604', 'referrals@workingwell.example.org', 'https://example.org/working-well', 'Mon-Fri 09:00-17:00 (appointments)', 'Adults 18+ out of work with a health condition', 'Free', 'Self-referral online or referral by link worker or work coach.', date('now','localtime','-24 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-24 days','+12 hours')),
(57, 'demo-svc-057', 'Northside Jobs Club', 'Northside Community Association', 'Drop-in help with job searching, applications and CVs, with computers and free printing.', 'employment,digital skills', 'Northside', 'Northside Community Centre, 2 Chapel Road', 'LS7 3AL', '0113 496 0613', 'jobsclub@northside-ca.example.org', 'https://example.org/northside-jobs-club', 'Wed 10:00-13:00', 'Adults looking for work', 'Free', 'Drop in.', date('now','localtime','-68 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-68 days','+12 hours')),
(58, 'demo-svc-058', 'Volunteer Centre City', 'Voluntary Action City', 'Helps you find volunteering that fits your interests and confidence, from one-off events to regular roles, and can come with you on a first visit.', 'employment,befriending', 'Citywide', 'Voluntary Action City, 7 Great George Street', 'LS1 3BB', '0113 496 0622', 'volunteer@vacity.example.org', 'https://example.org/volunteer-centre', 'Mon-Fri 10:00-16:00', 'Anyone 16+', 'Free', 'Book a chat online or by phone; link workers can refer.', date('now','localtime','-15 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-15 days','+12 hours')),
(59, 'demo-svc-059', 'Women into Work', 'East Hill Women''s Centre', 'Confidence building, English for work and job skills for women, with a free crèche during sessions.', 'employment,ESOL', 'East Hill', 'East Hill Women''s Centre, 40 Harehills Lane', 'LS9 6AF', '0113 496 0631', 'hello@easthillwomen.example.org', 'https://example.org/women-into-work', 'Mon and Wed 09:30-12:00', 'Women 18+', 'Free (crèche free)', 'Drop in or phone.', date('now','localtime','-61 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-61 days','+12 hours')),
(60, 'demo-svc-060', 'Skills Hub CV Clinic', 'City Adult Learning', 'Book a one-hour appointment to write or update your CV and practise interviews.', 'employment', 'Old Town', 'Central Library, Headrow', 'LS1 3AB', '0113 496 0640', 'skillshub@citycouncil.example.org', 'https://example.org/cv-clinic', 'Thu 09:30-16:30 (appointments)', 'Adults 19+', 'Free', 'Book online or by phone.', date('now','localtime','-118 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-118 days','+12 hours'));

-- Digital skills
INSERT INTO service (id, uid, name, organisation, description, categories, area, address, postcode, phone, email, url, opening_times, eligibility, cost, how_to_refer, last_verified_on, status, source, created_at, updated_at) VALUES
(61, 'demo-svc-061', 'Get Online Library Sessions', 'City Libraries', 'Help with the basics: email, video calls, online forms, NHS App and staying safe online. Bring your own device or use ours.', 'digital skills', 'Northside', 'Northside Library, 40 Stainbeck Lane', 'LS7 3QR', '0113 496 0649', 'getonline@citylibraries.example.org', 'https://example.org/get-online', 'Thu 10:00-12:00', 'Adults 18+', 'Free', 'Drop in or phone the library.', date('now','localtime','-92 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-92 days','+12 hours')),
(62, 'demo-svc-062', 'Tech Buddies', 'Riverside Community Kitchen', 'A volunteer helps you one-to-one with your phone, tablet or laptop, at your own pace.', 'digital skills,befriending', 'Riverside', 'Riverside Community Kitchen, 3 Wharf Street', 'LS10 1PZ', '0113 496 0658', 'techbuddies@riversidekitchen.example.org', 'https://example.org/tech-buddies', 'Fri 13:00-15:00', 'Adults 18+', 'Free', 'Phone to book a 30-minute slot.', date('now','localtime','-150 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-150 days','+12 hours')),
(63, 'demo-svc-063', 'Device Lending Scheme', 'City Libraries', 'Free loan of a tablet with mobile data for up to six months, with help to get started.', 'digital skills', 'Citywide', 'Any city library', NULL, '0113 496 0667', 'devices@citylibraries.example.org', 'https://example.org/device-lending', 'Library opening hours', 'City residents without a device or internet at home', 'Free', 'Referral from link worker, job centre or housing officer.', date('now','localtime','-400 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-400 days','+12 hours')),
(64, 'demo-svc-064', 'Silver Surfers', 'East Hill Neighbourhood Trust', 'Relaxed computer club for older people with volunteers on hand. Tea and biscuits provided.', 'digital skills,befriending', 'East Hill', 'The Old Library, 61 Hill Top Road', 'LS9 6PD', '0113 496 0676', NULL, 'https://example.org/silver-surfers', 'Tue 14:00-16:00', 'Over 55s', '£1 per session', 'Drop in.', date('now','localtime','-230 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-230 days','+12 hours'));

-- Mental health peer support
INSERT INTO service (id, uid, name, organisation, description, categories, area, address, postcode, phone, email, url, opening_times, eligibility, cost, how_to_refer, last_verified_on, status, source, created_at, updated_at) VALUES
(65, 'demo-svc-065', 'CityMind Peer Support Group', 'CityMind', 'Weekly peer support group for people living with low mood or anxiety, run by people with lived experience.', 'mental health peer support', 'Old Town', 'CityMind, 3 Clarendon Road', 'LS2 9NN', '0113 496 0685', 'peersupport@citymind.example.org', 'https://example.org/citymind-peer-support', 'Mon 18:00-19:30', 'Adults 18+', 'Free', 'Self-referral; a short welcome call is offered first.', date('now','localtime','-19 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-19 days','+12 hours')),
(66, 'demo-svc-066', 'Men Talk Mondays', 'Men Talk Mondays', 'Peer-to-peer talking group for men over 18. No appointment needed; you don''t have to speak.', 'mental health peer support', 'Citywide', 'Old Town Community Centre, 8 Kirkgate', 'LS2 7DJ', '0113 496 0694', 'hello@mentalkmondays.example.org', 'https://example.org/men-talk-mondays', 'Mon 19:00-21:00 (except bank holidays)', 'Men 18+', 'Free', 'Just turn up.', date('now','localtime','-11 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-11 days','+12 hours')),
(67, 'demo-svc-067', 'Anxiety Peer Group', 'Riverside Wellbeing Collective', 'Small, calm group sharing practical ways to cope with anxiety and panic. A worker can meet you beforehand.', 'mental health peer support', 'Riverside', 'Riverside Arts Studio, 6 Water Lane', 'LS11 5WD', '0113 496 0703', 'anxiety@riversidewellbeing.example.org', 'https://example.org/anxiety-peer-group', 'Wed 13:00-14:30', 'Adults 18+', 'Free', 'Self-referral or link worker referral.', date('now','localtime','-48 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-48 days','+12 hours')),
(68, 'demo-svc-068', 'The Lighthouse Crisis Café', 'Safe Space City', 'Out-of-hours safe space for adults in emotional distress, as an alternative to A&E. Calm room, a hot drink and someone to talk to.', 'mental health peer support', 'Old Town', 'The Lighthouse, 15 Great George Street', 'LS1 3BR', '0113 496 0712', 'lighthouse@safespacecity.example.org', 'https://example.org/lighthouse-crisis-cafe', 'Fri-Mon 18:00-02:00', 'Adults 18+ in emotional crisis', 'Free', 'Phone first or drop in.', date('now','localtime','-35 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-35 days','+12 hours')),
(69, 'demo-svc-069', 'Recovery College', 'City and District NHS Foundation Trust', 'Free courses about mental health and wellbeing, co-produced and co-delivered by people with lived experience. Topics include understanding anxiety, sleep, and hearing voices.', 'mental health peer support', 'Citywide', 'Recovery College, 2 Woodhouse Square', 'LS3 1AD', '0113 496 0721', 'recoverycollege@nhs.example.org', 'https://example.org/recovery-college', 'Term-time courses, daytime and evenings', 'Adults 18+ in the city', 'Free', 'Enrol online; no referral needed.', date('now','localtime','-80 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-80 days','+12 hours')),
(70, 'demo-svc-070', 'Forward Recovery Hub', 'Forward City', 'Peer-led recovery community for people wanting to change their drinking or drug use: groups, a café and mutual aid meetings.', 'mental health peer support', 'Old Town', 'Forward Recovery Hub, 9 Lower Briggate', 'LS1 4AE', '0113 496 0730', 'hub@forwardcity.example.org', 'https://example.org/forward-recovery-hub', 'Mon-Fri 10:00-16:00; afternoon group Tue and Thu 14:00', 'Adults 18+', 'Free', 'Drop in or phone; no referral needed.', date('now','localtime','-29 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-29 days','+12 hours'));

-- Bereavement
INSERT INTO service (id, uid, name, organisation, description, categories, area, address, postcode, phone, email, url, opening_times, eligibility, cost, how_to_refer, last_verified_on, status, source, created_at, updated_at) VALUES
(71, 'demo-svc-071', 'Bereavement Support City', 'Bereavement Support City', 'One-to-one bereavement support from trained volunteers, in person or by phone, for adults who have lost someone close.', 'bereavement', 'Citywide', 'Bereavement Support City, 12 St Paul''s Street', 'LS1 2LE', '0113 496 0739', 'support@bereavementcity.example.org', 'https://example.org/bereavement-support', 'Mon-Fri 09:00-17:00; waiting list about six weeks', 'Adults 18+', 'Free', 'Self-referral by phone or link worker referral.', date('now','localtime','-57 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-57 days','+12 hours')),
(72, 'demo-svc-072', 'Bereavement Café', 'St Mark''s Church', 'A gentle space to talk with other people who have lost someone, over tea and cake.', 'bereavement,befriending', 'Riverside', 'St Mark''s Church Hall, 14 Mill Lane', 'LS10 2QR', '0113 496 0748', NULL, 'https://example.org/bereavement-cafe', 'First Thu of the month 14:00-16:00', 'Anyone who has been bereaved, at any time', 'Free', 'Drop in.', date('now','localtime','-42 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-42 days','+12 hours')),
(73, 'demo-svc-073', 'After Loss Together', 'After Loss Together', 'Peer support group for people bereaved by suicide, led by people who have been through it.', 'bereavement,mental health peer support', 'Citywide', 'Central Library meeting room, Headrow', 'LS1 3AB', '0113 496 0757', 'contact@afterloss.example.org', 'https://example.org/after-loss-together', 'Last Tue of the month 18:30-20:30', 'Adults bereaved by suicide', 'Free', 'Phone or email the facilitator first.', date('now','localtime','-375 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-375 days','+12 hours'));

-- Gardening
INSERT INTO service (id, uid, name, organisation, description, categories, area, address, postcode, phone, email, url, opening_times, eligibility, cost, how_to_refer, last_verified_on, status, source, created_at, updated_at) VALUES
(74, 'demo-svc-074', 'Northside Community Allotment', 'Northside Growers', 'Shared allotment where you can grow food, learn skills and take home produce. Tools and gloves provided.', 'gardening,food', 'Northside', 'Plot 14, Stainbeck Allotments, Stainbeck Lane', 'LS7 2PW', '0113 496 0766', 'grow@northsidegrowers.example.org', 'https://example.org/northside-allotment', 'Tue and Sat 10:00-13:00', 'All welcome', 'Free', 'Drop in, or phone to arrange a first visit.', date('now','localtime','-73 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-73 days','+12 hours')),
(75, 'demo-svc-075', 'Green Gym Riverside', 'City Conservation Volunteers', 'Outdoor conservation tasks in local parks: planting, path building and clearing. A warm-up and a brew are part of every session.', 'gardening,sport', 'Riverside', 'Meet at Riverside Park main gate, Water Lane', 'LS11 5QN', '0113 496 0775', 'greengym@cityconservation.example.org', 'https://example.org/green-gym', 'Wed 10:00-13:00', 'Adults 18+', 'Free', 'Phone or email to book a taster.', date('now','localtime','-102 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-102 days','+12 hours')),
(76, 'demo-svc-076', 'East Hill Growing Space', 'East Hill Neighbourhood Trust', 'Community garden with raised beds, a polytunnel and a monthly shared lunch cooked from what we grow.', 'gardening,food', 'East Hill', 'Behind The Old Library, 61 Hill Top Road', 'LS9 6PD', '0113 496 0784', 'grow@easthill-trust.example.org', 'https://example.org/growing-space', 'Thu 10:00-14:00', 'All welcome', 'Free', 'Drop in.', date('now','localtime','-440 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-440 days','+12 hours'));

-- Men's sheds
INSERT INTO service (id, uid, name, organisation, description, categories, area, address, postcode, phone, email, url, opening_times, eligibility, cost, how_to_refer, last_verified_on, status, source, created_at, updated_at) VALUES
(77, 'demo-svc-077', 'Old Town Men''s Shed', 'Old Town Men''s Shed', 'Workshop space to make, mend and chat: woodwork, bike repair and projects for the community. Women welcome on Fridays.', 'men''s sheds', 'Old Town', 'Arch 6, Sovereign Street', 'LS1 4BJ', '0113 496 0793', 'shed@oldtownshed.example.org', 'https://example.org/old-town-mens-shed', 'Tue and Fri 10:00-15:00', 'Adults 18+', '£2 per visit (tea included)', 'Drop in, or phone to be met by a volunteer.', date('now','localtime','-39 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-39 days','+12 hours')),
(78, 'demo-svc-078', 'Northside Men''s Shed', 'Northside Men''s Shed', 'Small, friendly shed with woodwork, model making and a weekly quiz.', 'men''s sheds', 'Northside', 'Garage block, rear of Northside Community Centre, 2 Chapel Road', 'LS7 3AL', '0113 496 0802', NULL, 'https://example.org/northside-mens-shed', 'Thu 10:00-14:00', 'Adults 18+', 'Free (donations welcome)', 'Drop in.', date('now','localtime','-160 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-160 days','+12 hours'));

-- ESOL and language
INSERT INTO service (id, uid, name, organisation, description, categories, area, address, postcode, phone, email, url, opening_times, eligibility, cost, how_to_refer, last_verified_on, status, source, created_at, updated_at) VALUES
(79, 'demo-svc-079', 'ESOL Conversation Club', 'City Libraries', 'Practise speaking English in a relaxed group with volunteer conversation partners. All levels.', 'ESOL,befriending', 'Northside', 'Northside Library, 40 Stainbeck Lane', 'LS7 3QR', '0113 496 0811', 'esol@citylibraries.example.org', 'https://example.org/esol-conversation', 'Sat 10:00-12:00', 'Adults learning English', 'Free', 'Drop in.', date('now','localtime','-20 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-20 days','+12 hours')),
(80, 'demo-svc-080', 'Welcome Centre', 'City Sanctuary', 'Drop-in welcome for refugees and people seeking asylum: advice, English classes, clothing bank and a hot meal.', 'ESOL,housing,food', 'Riverside', 'City Sanctuary, 5 Dewsbury Road', 'LS11 5DQ', '0113 496 0820', 'welcome@citysanctuary.example.org', 'https://example.org/welcome-centre', 'Mon and Wed 10:00-15:00', 'Refugees and people seeking asylum', 'Free', 'Drop in.', date('now','localtime','-46 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-46 days','+12 hours')),
(81, 'demo-svc-081', 'English for Work', 'City Adult Learning', 'Ten-week ESOL course focused on job interviews, workplace English and health and safety.', 'ESOL,employment', 'Citywide', 'City Adult Learning, Park Lane Campus', 'LS3 1AA', '0113 496 0829', 'esol@citycouncil.example.org', 'https://example.org/english-for-work', 'Mon and Thu 13:00-15:30', 'Adults 19+ with entry-level English', 'Free if on a low income', 'Book an assessment online or by phone.', date('now','localtime','-108 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-108 days','+12 hours'));

-- Faith groups
INSERT INTO service (id, uid, name, organisation, description, categories, area, address, postcode, phone, email, url, opening_times, eligibility, cost, how_to_refer, last_verified_on, status, source, created_at, updated_at) VALUES
(82, 'demo-svc-082', 'St Aidan''s Open Church', 'St Aidan''s Church', 'Church open for quiet time, a hot drink and conversation. No religious activity expected.', 'faith groups,befriending', 'East Hill', 'St Aidan''s Church, Roundhay Road', 'LS8 5AB', '0113 496 0838', NULL, 'https://example.org/st-aidans-open-church', 'Tue 10:00-13:00', 'All welcome, faith or none', 'Free', 'Drop in.', date('now','localtime','-385 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-385 days','+12 hours')),
(83, 'demo-svc-083', 'Masjid Community Lunch', 'Northside Masjid Trust', 'Free weekly lunch open to all, with a women''s social room and advice surgery.', 'faith groups,food,befriending', 'Northside', 'Northside Masjid, 77 Leopold Street', 'LS7 4AW', '0113 496 0847', 'community@northsidemasjid.example.org', 'https://example.org/masjid-lunch', 'Sat 12:30-14:30', 'All welcome', 'Free', 'Drop in.', date('now','localtime','-62 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-62 days','+12 hours')),
(84, 'demo-svc-084', 'Gurdwara Langar', 'East Hill Gurdwara', 'Free vegetarian community meal served daily to anyone who comes.', 'faith groups,food', 'East Hill', 'East Hill Gurdwara, 4 Chapeltown Road', 'LS7 3AS', '0113 496 0856', NULL, 'https://example.org/gurdwara-langar', 'Daily 12:00-14:00', 'All welcome; please cover your head (scarves provided)', 'Free', 'Drop in.', date('now','localtime','-400 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-400 days','+12 hours')),
(85, 'demo-svc-085', 'Quiet Room at the Meeting House', 'Friends Meeting House', 'Quiet, welcoming space for reflection, and a Wednesday lunchtime conversation group.', 'faith groups,befriending', 'Old Town', 'Friends Meeting House, 188 Woodhouse Lane', 'LS2 9DX', '0113 496 0865', NULL, 'https://example.org/meeting-house', 'Wed 12:00-14:00', 'All welcome', 'Free', 'Drop in.', date('now','localtime','-210 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-210 days','+12 hours'));

-- Other
INSERT INTO service (id, uid, name, organisation, description, categories, area, address, postcode, phone, email, url, opening_times, eligibility, cost, how_to_refer, last_verified_on, status, source, created_at, updated_at) VALUES
(86, 'demo-svc-086', 'Community Transport Dial-a-Ride', 'City Community Transport', 'Door-to-door accessible minibus for people who can''t use buses easily: shopping, groups and appointments.', 'transport', 'Citywide', 'City Community Transport, Canal Road Depot', 'LS12 2PL', '0113 496 0874', 'bookings@citycommunitytransport.example.org', 'https://example.org/dial-a-ride', 'Mon-Sat 08:00-18:00; book by 15:00 the day before', 'People who find public transport difficult', '£3 per return journey after £10 annual membership', 'Register by phone; link workers can register with consent.', date('now','localtime','-44 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-44 days','+12 hours')),
(87, 'demo-svc-087', 'Library Home Delivery', 'City Libraries', 'Volunteers bring library books, audiobooks and large-print books to your door every three weeks, with a chat.', 'befriending', 'Citywide', 'Central Library, Headrow', 'LS1 3AB', '0113 496 0883', 'homedelivery@citylibraries.example.org', 'https://example.org/library-home-delivery', 'Deliveries every three weeks on weekdays', 'People who can''t get to a library', 'Free', 'Phone the library or link worker referral.', date('now','localtime','-420 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-420 days','+12 hours')),
(88, 'demo-svc-088', 'Warm Space at Northside Library', 'City Libraries', 'Warm, welcoming space with free hot drinks, soup on Fridays, phone charging and Wi-Fi.', 'food,befriending', 'Northside', 'Northside Library, 40 Stainbeck Lane', 'LS7 3QR', '0113 496 0892', NULL, 'https://example.org/warm-space-northside', 'Mon-Fri 10:00-16:00 (November to March)', 'All welcome', 'Free', 'Drop in.', date('now','localtime','-13 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-13 days','+12 hours')),
(89, 'demo-svc-089', 'Safer Homes Domestic Abuse Service', 'Safer Homes City', 'Confidential support for anyone experiencing domestic abuse: helpline, safety planning, refuge and outreach workers.', 'domestic abuse,housing', 'Citywide', 'Phone and outreach; address not published', NULL, '0113 496 0901', 'support@saferhomes.example.org', 'https://example.org/safer-homes', 'Helpline 24 hours', 'Anyone experiencing domestic abuse', 'Free', 'Call the helpline, or professional referral with consent where safe.', date('now','localtime','-25 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-25 days','+12 hours')),
(90, 'demo-svc-090', 'Lip-reading and Hearing Loss Group', 'Hear Together City', 'Learn lip-reading skills and meet others adjusting to hearing loss. Hearing aid maintenance (batteries and tubing) at every session.', 'hearing loss,befriending', 'Old Town', 'Central Library meeting room, Headrow', 'LS1 3AB', '0113 496 0910', 'hello@heartogether.example.org', 'https://example.org/lipreading', 'Thu 10:30-12:30', 'Adults with hearing loss', '£2 per session', 'Drop in or email.', date('now','localtime','-395 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-395 days','+12 hours')),
(91, 'demo-svc-091', 'Second Chance Furniture Scheme', 'Second Chance City', 'Good quality second-hand furniture, beds and white goods at low cost, with delivery. Free items for people moving on from homelessness.', 'housing', 'Westgate', 'Second Chance Warehouse, 18 Armley Road', 'LS12 2DR', '0113 496 0919', 'furniture@secondchance.example.org', 'https://example.org/second-chance-furniture', 'Mon-Sat 09:30-16:30', 'Anyone; free items on referral', 'Low cost, or free on referral', 'Referral from housing officer, link worker or support worker for free items.', date('now','localtime','-54 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-54 days','+12 hours')),
(92, 'demo-svc-092', 'City Drug and Alcohol Service', 'City and District NHS Foundation Trust', 'Confidential treatment and support for people worried about their drinking or drug use, including detox planning and one-to-one keyworkers.', 'alcohol and drugs', 'Citywide', 'Kirkgate Recovery Centre, 30 Kirkgate', 'LS2 7DR', '0113 496 0928', 'referrals@cdas.example.org', 'https://example.org/drug-alcohol-service', 'Mon-Fri 09:00-17:00, Thu until 19:00', 'Adults 18+', 'Free', 'Self-referral by phone or drop-in; GP or link worker referral.', date('now','localtime','-31 days'), 'active', 'demo', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-760 days','+9 hours'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-31 days','+12 hours'));

-- =====================================================================
-- People (ids 1-17 active, 18-26 referred, 27-29 paused, 30-33 closed, 34-35 declined)
-- =====================================================================

-- Active
INSERT INTO person (id, given_name, family_name, preferred_name, date_of_birth, nhs_number, phone, email, address, postcode, contact_preferences, referral_source, referral_reason, referred_on, first_contact_on, status, status_reason, closed_on, risk_note, consent_recorded_on, created_at, updated_at, version) VALUES
(1, 'Margaret', 'Hughes', 'Peggy', '1943-05-14', '9990000018', '0113 496 0412', NULL, '27 Beech Grove, Old Town', 'LS6 4QT', 'Landline, mornings. Hard of hearing in her left ear – speak clearly.', 'GP practice', 'Isolated since bereavement, low mood, not eating well', date('now','localtime','-95 days'), date('now','localtime','-90 days'), 'active', NULL, NULL, NULL, date('now','localtime','-90 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-95 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-20 days','+17 hours','+30 minutes'), 1),
(2, 'Zoë', 'Clarke', NULL, '1991-09-02', NULL, '07700 900123', 'zoe.clarke@example.com', '14 Cardigan Terrace, Northside', 'LS6 2AB', 'Text first, then call. Not before 10am.', 'self-referral', 'Low mood since being made redundant; wants to get back into a routine', date('now','localtime','-60 days'), date('now','localtime','-55 days'), 'active', NULL, NULL, NULL, date('now','localtime','-55 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-60 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-20 days','+17 hours','+30 minutes'), 1),
(3, 'Łukasz', 'Nowak', NULL, '1984-02-11', '9990000239', '07700 900245', 'lukasz.nowak@example.org', 'Flat 3, 18 Harehills View, East Hill', 'LS9 7JD', 'Calls or WhatsApp. Happy in English; Polish for complicated letters.', 'job centre', 'Rent arrears and benefit sanction; worried about losing his flat', date('now','localtime','-48 days'), date('now','localtime','-44 days'), 'active', NULL, NULL, NULL, date('now','localtime','-44 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-48 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-7 days','+17 hours','+30 minutes'), 1),
(4, 'Siobhán', 'O''Connell', NULL, '1950-11-30', NULL, '0113 496 0733', NULL, '9 Larkfield Drive, Westgate', 'LS13 5PL', 'Landline. Daughter Aoife (07700 900902) helps with letters.', 'hospital', 'Discharged after a fall; lives alone and has lost confidence going out', date('now','localtime','-70 days'), date('now','localtime','-64 days'), 'active', NULL, NULL, NULL, date('now','localtime','-64 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-70 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-9 days','+17 hours','+30 minutes'), 1),
(5, 'José', 'Fernández', NULL, '1979-07-21', NULL, '07700 900318', 'jose.fernandez@example.com', 'Flat 11, Beckett Court, Northside', 'LS7 3HB', 'Text messages in simple English; Spanish interpreter for longer conversations.', 'VCSE', 'New to the UK, wants to improve his English and find work; feels cut off', date('now','localtime','-40 days'), date('now','localtime','-35 days'), 'active', NULL, NULL, NULL, date('now','localtime','-35 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-40 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-6 days','+17 hours','+30 minutes'), 1),
(6, '美玲', '陈', 'Mei', '1968-04-03', '9990000476', '07700 900467', 'mei.chen@example.org', '52 Gledhow Avenue, East Hill', 'LS8 2EW', 'Email or text. Calls are hard during the day while caring.', 'pharmacy', 'Carer for her mother with Parkinson''s; exhausted and not sleeping', date('now','localtime','-85 days'), date('now','localtime','-80 days'), 'active', NULL, NULL, NULL, date('now','localtime','-80 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-85 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-5 days','+17 hours','+30 minutes'), 1),
(7, 'Hannah', 'Müller', NULL, '1996-12-08', NULL, '07700 900502', 'hannah.mueller@example.com', '3 Ash Road, Westgate', 'LS12 1NW', 'Text. Baby naps 13:00-15:00 – best time for calls.', 'practice staff', 'Low mood after having her baby; new to the area and knows nobody', date('now','localtime','-35 days'), date('now','localtime','-30 days'), 'active', NULL, NULL, NULL, date('now','localtime','-30 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-35 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-3 days','+17 hours','+30 minutes'), 1),
(8, 'Darren', 'Walsh', NULL, '1975-06-19', NULL, '07700 900611', NULL, 'Flat 2, 7 Navigation Court, Riverside', 'LS10 1QE', 'Calls after 11am. Phone credit sometimes runs out – text and he will call back from the hub.', 'housing', 'Temporary accommodation after losing his tenancy; debts, drinking more, isolated and low', date('now','localtime','-150 days'), date('now','localtime','-142 days'), 'active', NULL, NULL, 'Lone working: meet at the Old Town hub or in public, not alone at his home (agreed with housing officer).', date('now','localtime','-142 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-150 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-8 days','+17 hours','+30 minutes'), 1),
(9, 'Patricia', 'Greenwood', 'Pat', '1949-03-17', '9990002053', '0113 496 0288', 'pat.greenwood@example.org', '6 Sandhill Lane, Northside', 'LS17 6DF', 'Email is easiest. Calls on Tue or Thu when Geoff is at the day centre.', 'GP practice', 'Carer for husband with dementia; no time for herself', date('now','localtime','-120 days'), date('now','localtime','-112 days'), 'active', NULL, NULL, NULL, date('now','localtime','-112 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-120 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-10 days','+17 hours','+30 minutes'), 1),
(10, 'Kwame', 'Mensah', NULL, '1962-08-25', NULL, '07700 900734', 'k.mensah@example.com', '21 Harehills Avenue, East Hill', 'LS8 5RS', 'Prefers phone calls.', 'GP practice', 'Type 2 diabetes; wants to be more active but low confidence', date('now','localtime','-50 days'), date('now','localtime','-45 days'), 'active', NULL, NULL, NULL, date('now','localtime','-45 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-50 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-11 days','+17 hours','+30 minutes'), 1),
(11, 'Aisha', 'Rahman', NULL, '1987-01-29', NULL, '07700 900845', 'aisha.rahman@example.org', '88 Beeston Road, Riverside', 'LS11 6JQ', 'Text or WhatsApp during school hours.', 'local authority', 'Council tax arrears and struggling with energy bills; three children', date('now','localtime','-30 days'), date('now','localtime','-26 days'), 'active', NULL, NULL, NULL, date('now','localtime','-26 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-30 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-8 days','+17 hours','+30 minutes'), 1),
(12, 'Tom', 'Birch', NULL, '1946-10-05', NULL, '0113 496 0159', NULL, '15 Tong Road, Westgate', 'LS12 3BE', 'Landline. Knock loudly – doorbell broken.', 'fire service', 'Safe and well visit: cluttered, cold home; lives alone with few visitors', date('now','localtime','-100 days'), date('now','localtime','-93 days'), 'active', NULL, NULL, NULL, date('now','localtime','-93 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-100 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-14 days','+17 hours','+30 minutes'), 1),
(13, 'Gareth', 'Price', NULL, '1958-12-12', NULL, '07700 900956', 'gareth.price@example.com', '4a Burley Road, Old Town', 'LS4 2HH', 'Mobile, any time after 4pm (works days).', 'police', 'Repeated late-night calls to 101 when lonely; recently separated', date('now','localtime','-55 days'), date('now','localtime','-49 days'), 'active', NULL, NULL, NULL, date('now','localtime','-49 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-55 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-4 days','+17 hours','+30 minutes'), 1),
(14, 'Fatima', 'Begum', NULL, '1982-05-09', NULL, '07700 900177', 'fatima.begum@example.com', '31 Compton Road, East Hill', 'LS9 6NB', 'Calls after school drop-off. Sylheti interpreter for longer conversations.', 'other', 'Referred by the school''s family support worker: damp flat, child''s asthma, isolated', date('now','localtime','-45 days'), date('now','localtime','-38 days'), 'active', NULL, NULL, NULL, date('now','localtime','-38 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-45 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-10 days','+17 hours','+30 minutes'), 1),
(15, 'Brian', 'Kettlewell', NULL, '1944-02-22', '9990003181', '0113 496 0364', NULL, '12 Aberdeen Walk, Westgate', 'LS13 1AX', 'Landline. Speech slow since his stroke – give him time.', 'practice staff', 'Widower; stopped going out since his stroke last year', date('now','localtime','-80 days'), date('now','localtime','-74 days'), 'active', NULL, NULL, NULL, date('now','localtime','-74 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-80 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-13 days','+17 hours','+30 minutes'), 1),
(16, 'Chloe', 'Simmons', NULL, '2001-07-14', NULL, '07700 900288', 'chloe.s@example.com', 'Flat 6, 22 Brudenell Road, Northside', 'LS6 3PJ', 'Text only at first – phone calls make her anxious.', 'hospital', 'Frequent A&E visits with panic attacks; money worries; isolated', date('now','localtime','-25 days'), date('now','localtime','-21 days'), 'active', NULL, NULL, 'Lives alone; history of self-harm – see GP record before visiting', date('now','localtime','-21 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-25 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-5 days','+17 hours','+30 minutes'), 1),
(17, 'Ruth', 'Adeyemi', NULL, '1953-09-10', NULL, '07700 900399', 'ruth.adeyemi@example.org', '17 Potternewton Lane, Northside', 'LS7 4DS', 'Email or mobile.', 'VCSE', 'Lonely since retiring; wants to use her skills and meet people', date('now','localtime','-65 days'), date('now','localtime','-60 days'), 'active', NULL, NULL, NULL, date('now','localtime','-60 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-65 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-15 days','+17 hours','+30 minutes'), 1);

-- Referred, not yet contacted
INSERT INTO person (id, given_name, family_name, preferred_name, date_of_birth, nhs_number, phone, email, address, postcode, contact_preferences, referral_source, referral_reason, referred_on, first_contact_on, status, status_reason, closed_on, risk_note, consent_recorded_on, created_at, updated_at, version) VALUES
(18, 'Derek', 'Holt', NULL, '1960-04-04', NULL, '07700 900512', NULL, '44 Stonegate Road, Northside', 'LS17 5AB', 'Mobile.', 'GP practice', 'Recently retired, feels lost and is drinking more; wife worried', date('now','localtime','-6 days'), NULL, 'referred', NULL, NULL, NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-6 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-6 days','+17 hours','+30 minutes'), 1),
(19, 'Priya', 'Sharma', NULL, '1972-10-18', '9990004064', '07700 900623', 'priya.sharma@example.com', '5 Roundhay Gardens, East Hill', 'LS8 4LF', 'Mobile after 5pm (works days).', 'pharmacy', 'Told the pharmacist she can''t afford her prescriptions; money worries since separating', date('now','localtime','-3 days'), NULL, 'referred', NULL, NULL, NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-3 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-3 days','+17 hours','+30 minutes'), 1),
(20, 'Jamie', 'Lee', NULL, '1999-03-27', NULL, '07700 900701', 'jamie.lee99@example.com', '23 Dewsbury Road, Riverside', 'LS11 5DF', 'Text.', 'job centre', 'Long-term unemployed, low confidence; wants help with CV and getting out of the house', date('now','localtime','-9 days'), NULL, 'referred', NULL, NULL, NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-9 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-9 days','+17 hours','+30 minutes'), 1),
(21, 'Ewa', 'Kowalczyk', NULL, '1990-06-06', NULL, '07700 900788', 'ewa.k@example.org', '7 Cross Flatts Grove, Riverside', 'LS11 7BQ', 'Mobile. Good English; Polish speaker.', 'housing', 'Section 21 notice from private landlord; two young children; very anxious', date('now','localtime','-2 days'), NULL, 'referred', NULL, NULL, NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-2 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-2 days','+17 hours','+30 minutes'), 1),
(22, 'Ian', 'Fletcher', NULL, '1951-01-15', NULL, '0113 496 0871', NULL, '60 Bramley Hill, Westgate', 'LS13 3JH', 'Landline.', 'fire service', 'Safe and well visit: heating not working, using candles, lives alone', date('now','localtime','-12 days'), NULL, 'referred', NULL, NULL, NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-12 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-12 days','+17 hours','+30 minutes'), 1),
(23, 'Grace', 'Obi', NULL, '1948-08-08', NULL, '07700 900815', 'grace.obi@example.org', '2 Moortown Close, Northside', 'LS17 6HE', 'Mobile or email.', 'self-referral', 'Lonely since moving to be near her grandchildren; doesn''t know anyone', date('now','localtime','-1 days'), NULL, 'referred', NULL, NULL, NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-1 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-1 days','+17 hours','+30 minutes'), 1),
(24, 'Sean', 'Gallagher', NULL, '1941-11-11', NULL, '0113 496 0926', NULL, '19 Kirkstall Lane, Old Town', 'LS5 3BE', 'Landline. Check next of kin with GP practice before first call.', 'police', 'Found confused in the town centre; memory worries; family live abroad', date('now','localtime','-4 days'), NULL, 'referred', NULL, NULL, NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-4 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-4 days','+17 hours','+30 minutes'), 1),
(25, 'Lily', 'Thornton', NULL, '2005-02-20', '9990005613', '07700 900860', 'lily.t@example.com', '8 Headingley Mount, Northside', 'LS6 3EL', 'Text only.', 'GP practice', 'Anxiety; left university in her first year and rarely leaves her room', date('now','localtime','-8 days'), NULL, 'referred', NULL, NULL, NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-8 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-8 days','+17 hours','+30 minutes'), 1),
(26, 'Mohammed', 'Iqbal', NULL, '1970-12-01', NULL, '07700 900933', 'm.iqbal@example.com', '41 Lupton Avenue, East Hill', 'LS9 6ED', 'Mobile; evenings best.', 'local authority', 'Carer for adult son with a learning disability; wants a break and help with forms', date('now','localtime','-13 days'), NULL, 'referred', NULL, NULL, NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-13 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-13 days','+17 hours','+30 minutes'), 1);

-- Paused
INSERT INTO person (id, given_name, family_name, preferred_name, date_of_birth, nhs_number, phone, email, address, postcode, contact_preferences, referral_source, referral_reason, referred_on, first_contact_on, status, status_reason, closed_on, risk_note, consent_recorded_on, created_at, updated_at, version) VALUES
(27, 'Nora', 'Flanagan', NULL, '1945-06-30', NULL, '0113 496 0540', NULL, '3 Rose Terrace, Old Town', 'LS6 4BU', 'Landline, or her daughter Clare on 07700 900977.', 'GP practice', 'Hip pain limiting getting out; lonely while waiting for hip replacement', date('now','localtime','-110 days'), date('now','localtime','-103 days'), 'paused', 'In hospital after hip replacement; pick up again when she''s home', NULL, NULL, date('now','localtime','-103 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-110 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-20 days','+17 hours','+30 minutes'), 1),
(28, 'Craig', 'Dawson', NULL, '1983-09-09', NULL, '07700 900147', 'craig.dawson@example.com', '12 Parkside Road, Riverside', 'LS11 5RD', 'Text – works nights now.', 'job centre', 'Out of work since the depot closed; low mood and poor sleep', date('now','localtime','-130 days'), date('now','localtime','-122 days'), 'paused', 'Started a new job on nights; check in after a month', NULL, NULL, date('now','localtime','-122 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-130 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-15 days','+17 hours','+30 minutes'), 1),
(29, 'Joan', 'Whitaker', NULL, '1941-03-03', NULL, '0113 496 0617', NULL, '28 Chapel Street, Northside', 'LS7 3BX', 'Landline. Hard of hearing – speak clearly, no background noise.', 'practice staff', 'Lonely in the evenings since her friend moved into a care home', date('now','localtime','-90 days'), date('now','localtime','-82 days'), 'paused', 'Asked for a break while her sister visits from Ireland', NULL, NULL, date('now','localtime','-82 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-90 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-28 days','+17 hours','+30 minutes'), 1);

-- Closed
INSERT INTO person (id, given_name, family_name, preferred_name, date_of_birth, nhs_number, phone, email, address, postcode, contact_preferences, referral_source, referral_reason, referred_on, first_contact_on, status, status_reason, closed_on, risk_note, consent_recorded_on, created_at, updated_at, version) VALUES
(30, 'Alan', 'Marsh', NULL, '1955-07-07', '9990006725', '07700 900259', 'alan.marsh@example.org', '5 Meadow View, Northside', 'LS7 2RT', 'Mobile.', 'GP practice', 'Lost confidence after heart attack; inactive and low since retiring', date('now','localtime','-240 days'), date('now','localtime','-232 days'), 'closed', 'Goals achieved: walking every week and at the men''s shed every Thursday', date('now','localtime','-45 days'), NULL, date('now','localtime','-232 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-240 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-45 days','+17 hours','+30 minutes'), 1),
(31, 'Sandra', 'Pickering', NULL, '1966-11-21', NULL, '07700 900376', NULL, 'Flat 14, Clyde Court, Westgate', 'LS12 1JS', 'Mobile.', 'hospital', 'COPD; third-floor flat with no lift; isolated from family', date('now','localtime','-180 days'), date('now','localtime','-172 days'), 'closed', 'Moved to Scarborough to be near family; details passed to the local link worker service with consent', date('now','localtime','-60 days'), NULL, date('now','localtime','-172 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-180 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-60 days','+17 hours','+30 minutes'), 1),
(32, 'Kevin', 'Doyle', NULL, '1988-04-16', NULL, '07700 900489', 'kev.doyle@example.com', '71 Tong Road, Westgate', 'LS12 4LT', 'Text.', 'self-referral', 'Feeling flat, put on weight, lost touch with friends after moving', date('now','localtime','-150 days'), date('now','localtime','-146 days'), 'closed', 'Not able to reach Kevin after three calls, texts and a letter; welcome to get back in touch any time', date('now','localtime','-90 days'), NULL, date('now','localtime','-146 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-150 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-90 days','+17 hours','+30 minutes'), 1),
(33, 'Yvonne', 'Baxter', NULL, '1963-01-04', NULL, '07700 900538', 'yvonne.baxter@example.org', '9 Chapel Grove, Northside', 'LS7 3DD', 'Mobile.', 'VCSE', 'Council tax arrears, bailiff letters and a payday loan; not sleeping', date('now','localtime','-300 days'), date('now','localtime','-290 days'), 'closed', 'Goals achieved: debt plan in place and volunteering at the food pantry', date('now','localtime','-30 days'), NULL, date('now','localtime','-290 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-300 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-30 days','+17 hours','+30 minutes'), 1);

-- Declined
INSERT INTO person (id, given_name, family_name, preferred_name, date_of_birth, nhs_number, phone, email, address, postcode, contact_preferences, referral_source, referral_reason, referred_on, first_contact_on, status, status_reason, closed_on, risk_note, consent_recorded_on, created_at, updated_at, version) VALUES
(34, 'Peter', 'Hargreaves', NULL, '1952-05-28', NULL, '0113 496 0682', NULL, '34 Otley Road, Northside', 'LS16 5JP', 'Landline.', 'GP practice', 'Low mood since retiring', date('now','localtime','-40 days'), date('now','localtime','-36 days'), 'declined', 'Doesn''t feel he needs support right now; knows how to get back in touch', NULL, NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-40 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-36 days','+17 hours','+30 minutes'), 1),
(35, 'Shirley', 'Moss', NULL, '1947-09-19', NULL, '0113 496 0795', NULL, '2 Church Lane, East Hill', 'LS9 8AR', 'Landline.', 'other', 'Referred by her church minister: isolated since giving up driving', date('now','localtime','-25 days'), date('now','localtime','-22 days'), 'declined', 'Prefers support from her church community; details of local groups shared with her minister with her permission', NULL, NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-25 days','+9 hours','+15 minutes'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-22 days','+17 hours','+30 minutes'), 1);

-- =====================================================================
-- Status history: how each person reached their current status
-- =====================================================================
INSERT INTO status_change (id, person_id, status, reason, changed_on, created_at) VALUES
(1, 1, 'referred', NULL, date('now','localtime','-95 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-95 days','+9 hours','+15 minutes')),
(2, 1, 'active', NULL, date('now','localtime','-90 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-90 days','+11 hours','+30 minutes')),
(3, 2, 'referred', NULL, date('now','localtime','-60 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-60 days','+9 hours','+15 minutes')),
(4, 2, 'active', NULL, date('now','localtime','-55 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-55 days','+12 hours','+30 minutes')),
(5, 3, 'referred', NULL, date('now','localtime','-48 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-48 days','+9 hours','+15 minutes')),
(6, 3, 'active', NULL, date('now','localtime','-44 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-44 days','+14 hours')),
(7, 4, 'referred', NULL, date('now','localtime','-70 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-70 days','+9 hours','+15 minutes')),
(8, 4, 'active', NULL, date('now','localtime','-64 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-64 days','+11 hours')),
(9, 5, 'referred', NULL, date('now','localtime','-40 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-40 days','+9 hours','+15 minutes')),
(10, 5, 'active', NULL, date('now','localtime','-35 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-35 days','+11 hours')),
(11, 6, 'referred', NULL, date('now','localtime','-85 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-85 days','+9 hours','+15 minutes')),
(12, 6, 'active', NULL, date('now','localtime','-80 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-80 days','+13 hours','+30 minutes')),
(13, 7, 'referred', NULL, date('now','localtime','-35 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-35 days','+9 hours','+15 minutes')),
(14, 7, 'active', NULL, date('now','localtime','-30 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-30 days','+14 hours','+30 minutes')),
(15, 8, 'referred', NULL, date('now','localtime','-150 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-150 days','+9 hours','+15 minutes')),
(16, 8, 'active', NULL, date('now','localtime','-142 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-142 days','+15 hours')),
(17, 9, 'referred', NULL, date('now','localtime','-120 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-120 days','+9 hours','+15 minutes')),
(18, 9, 'active', NULL, date('now','localtime','-112 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-112 days','+11 hours')),
(19, 10, 'referred', NULL, date('now','localtime','-50 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-50 days','+9 hours','+15 minutes')),
(20, 10, 'active', NULL, date('now','localtime','-45 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-45 days','+12 hours')),
(21, 11, 'referred', NULL, date('now','localtime','-30 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-30 days','+9 hours','+15 minutes')),
(22, 11, 'active', NULL, date('now','localtime','-26 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-26 days','+11 hours')),
(23, 12, 'referred', NULL, date('now','localtime','-100 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-100 days','+9 hours','+15 minutes')),
(24, 12, 'active', NULL, date('now','localtime','-93 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-93 days','+12 hours')),
(25, 13, 'referred', NULL, date('now','localtime','-55 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-55 days','+9 hours','+15 minutes')),
(26, 13, 'active', NULL, date('now','localtime','-49 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-49 days','+18 hours')),
(27, 14, 'referred', NULL, date('now','localtime','-45 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-45 days','+9 hours','+15 minutes')),
(28, 14, 'active', NULL, date('now','localtime','-38 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-38 days','+10 hours','+30 minutes')),
(29, 15, 'referred', NULL, date('now','localtime','-80 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-80 days','+9 hours','+15 minutes')),
(30, 15, 'active', NULL, date('now','localtime','-74 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-74 days','+11 hours','+30 minutes')),
(31, 16, 'referred', NULL, date('now','localtime','-25 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-25 days','+9 hours','+15 minutes')),
(32, 16, 'active', NULL, date('now','localtime','-21 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-21 days','+16 hours','+30 minutes')),
(33, 17, 'referred', NULL, date('now','localtime','-65 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-65 days','+9 hours','+15 minutes')),
(34, 17, 'active', NULL, date('now','localtime','-60 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-60 days','+11 hours')),
(35, 18, 'referred', NULL, date('now','localtime','-6 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-6 days','+9 hours','+15 minutes')),
(36, 19, 'referred', NULL, date('now','localtime','-3 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-3 days','+9 hours','+15 minutes')),
(37, 20, 'referred', NULL, date('now','localtime','-9 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-9 days','+9 hours','+15 minutes')),
(38, 21, 'referred', NULL, date('now','localtime','-2 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-2 days','+9 hours','+15 minutes')),
(39, 22, 'referred', NULL, date('now','localtime','-12 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-12 days','+9 hours','+15 minutes')),
(40, 23, 'referred', NULL, date('now','localtime','-1 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-1 days','+9 hours','+15 minutes')),
(41, 24, 'referred', NULL, date('now','localtime','-4 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-4 days','+9 hours','+15 minutes')),
(42, 25, 'referred', NULL, date('now','localtime','-8 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-8 days','+9 hours','+15 minutes')),
(43, 26, 'referred', NULL, date('now','localtime','-13 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-13 days','+9 hours','+15 minutes')),
(44, 27, 'referred', NULL, date('now','localtime','-110 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-110 days','+9 hours','+15 minutes')),
(45, 27, 'active', NULL, date('now','localtime','-103 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-103 days','+11 hours','+30 minutes')),
(46, 27, 'paused', 'In hospital after hip replacement; pick up again when she''s home', date('now','localtime','-20 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-20 days','+16 hours','+45 minutes')),
(47, 28, 'referred', NULL, date('now','localtime','-130 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-130 days','+9 hours','+15 minutes')),
(48, 28, 'active', NULL, date('now','localtime','-122 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-122 days','+11 hours')),
(49, 28, 'paused', 'Started a new job on nights; check in after a month', date('now','localtime','-15 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-15 days','+17 hours','+45 minutes')),
(50, 29, 'referred', NULL, date('now','localtime','-90 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-90 days','+9 hours','+15 minutes')),
(51, 29, 'active', NULL, date('now','localtime','-82 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-82 days','+12 hours')),
(52, 29, 'paused', 'Asked for a break while her sister visits from Ireland', date('now','localtime','-28 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-28 days','+11 hours','+15 minutes')),
(53, 30, 'referred', NULL, date('now','localtime','-240 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-240 days','+9 hours','+15 minutes')),
(54, 30, 'active', NULL, date('now','localtime','-232 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-232 days','+11 hours')),
(55, 30, 'closed', 'Goals achieved: walking every week and at the men''s shed every Thursday', date('now','localtime','-45 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-45 days','+10 hours','+45 minutes')),
(56, 31, 'referred', NULL, date('now','localtime','-180 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-180 days','+9 hours','+15 minutes')),
(57, 31, 'active', NULL, date('now','localtime','-172 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-172 days','+15 hours')),
(58, 31, 'closed', 'Moved to Scarborough to be near family; details passed to the local link worker service with consent', date('now','localtime','-60 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-60 days','+12 hours','+15 minutes')),
(59, 32, 'referred', NULL, date('now','localtime','-150 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-150 days','+9 hours','+15 minutes')),
(60, 32, 'active', NULL, date('now','localtime','-146 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-146 days','+19 hours')),
(61, 32, 'closed', 'Not able to reach Kevin after three calls, texts and a letter; welcome to get back in touch any time', date('now','localtime','-90 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-90 days','+16 hours')),
(62, 33, 'referred', NULL, date('now','localtime','-300 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-300 days','+9 hours','+15 minutes')),
(63, 33, 'active', NULL, date('now','localtime','-290 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-290 days','+11 hours')),
(64, 33, 'closed', 'Goals achieved: debt plan in place and volunteering at the food pantry', date('now','localtime','-30 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-30 days','+10 hours','+45 minutes')),
(65, 34, 'referred', NULL, date('now','localtime','-40 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-40 days','+9 hours','+15 minutes')),
(66, 34, 'declined', 'Doesn''t feel he needs support right now; knows how to get back in touch', date('now','localtime','-36 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-36 days','+11 hours','+45 minutes')),
(67, 35, 'referred', NULL, date('now','localtime','-25 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-25 days','+9 hours','+15 minutes')),
(68, 35, 'declined', 'Prefers support from her church community; details of local groups shared with her minister with her permission', date('now','localtime','-22 days'), strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-22 days','+14 hours','+45 minutes'));

-- =====================================================================
-- Conversation notes (append-only; corrections point at the note they amend)
-- =====================================================================

-- 1: Peggy Hughes
INSERT INTO conversation (id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at) VALUES
(1, 1, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-90 days','+10 hours','+30 minutes'), 'what_matters', 'What matters to me:
Keeping the house nice, the way Ken liked it. My cat, Biscuit. Seeing my granddaughter when she can come over from Harrogate.

What is going well:
My neighbour Jean pops in most days. I still do the crossword every morning.

What I would like to change:
I hardly go out since Ken died five months ago – the days are very long. I don''t bother cooking proper meals for one.

Who and what could help:
Peggy went to a lunch club with Ken years ago and liked it. Agreed to try Old Town Lunch Club if I go with her the first time. Not keen on phone befriending. Might think about a bereavement group "later on".

Consent recorded for referrals and sharing with services.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-90 days','+11 hours','+10 minutes')),
(2, 1, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-83 days','+11 hours','+15 minutes'), 'phone', 'Booked Peggy a place at the lunch club for next Wednesday, and the minibus (pick-up 11:30). She was a bit nervous but said Jean had told her "it''ll do you good".
Mentioned Telephone Friends again – she''d rather see people face to face, which is fine.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-83 days','+11 hours','+55 minutes')),
(3, 1, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-76 days','+14 hours','+20 minutes'), 'accompanied', 'Went with Peggy to Old Town Lunch Club on the minibus. She sat with two ladies from her old street, one of whom knew Ken from the bowls club.
Peggy ate all her dinner and had seconds of crumble. On the way home: "I''d forgotten what it was like to have a natter."
She''ll go on her own next week.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-76 days','+15 hours')),
(4, 1, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-62 days','+10 hours'), 'follow_up', 'Peggy has been to the lunch club three weeks running on her own; the minibus driver is now a familiar face.
Evenings and weekends still hard, Sundays especially.
Talked about the Bereavement Café at St Mark''s – she''ll think about it.
Cooking a bit more: Jean gave her a slow cooker.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-62 days','+10 hours','+40 minutes')),
(5, 1, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-40 days','+9 hours','+45 minutes'), 'phone', 'Peggy rang me – the first time she has called rather than the other way round.
She''d like to try the Bereavement Café on Thursday. Jean will walk down with her.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-40 days','+10 hours','+25 minutes')),
(6, 1, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-20 days','+11 hours'), 'visit', 'Review visit at home.
- Bereavement Café twice: "It was a weep, but a good weep."
- Lunch club every week; now helps with the raffle.
- Repeated UCLA-3: lower (less lonely) than at the start.
Still lonely on Sundays. Mentioned the Sunday lunch at Holy Trinity; she isn''t sure yet.
Goal of getting out twice a week achieved. Plan: monthly check-in, review in three months.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-20 days','+11 hours','+40 minutes'));

-- 2: Zoë Clarke
INSERT INTO conversation (id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at) VALUES
(7, 2, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-55 days','+11 hours','+30 minutes'), 'what_matters', 'What matters to me:
Feeling useful. My two sisters. Getting my routine back – I used to run before work.

What is going well:
I''ve got savings to tide me over for a couple of months. My sisters call most days.

What I would like to change:
Since the redundancy three months ago I''m in bed till lunchtime and then feel guilty. I''m applying for jobs I don''t even want.

Who and what could help:
Something with structure to get out for. Zoë liked the idea of Couch to 5k – a new course starts in two weeks. Help thinking about what work she actually wants (Working Well). Not sure about groups "about feelings" yet.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-55 days','+12 hours','+10 minutes')),
(8, 2, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-41 days','+15 hours'), 'follow_up', 'Zoë has done three weeks of Couch to 5k and is enjoying it: "the group is full of people like me who haven''t run for years". Sleeping better on run days.
Referred to Working Well with her consent – they will call within ten working days.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-41 days','+15 hours','+40 minutes')),
(9, 2, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-20 days','+10 hours','+30 minutes'), 'phone', 'Working Well haven''t called yet and Zoë is a bit flat about it. I''ll chase.
Mentioned the CityMind peer support group in case the low days continue; she''ll look at their website.
Couch to 5k going well – week 7.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-20 days','+11 hours','+10 minutes'));

-- 3: Łukasz Nowak
INSERT INTO conversation (id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at) VALUES
(10, 3, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-44 days','+13 hours'), 'what_matters', 'Met at the job centre.

What matters to me:
Keeping my flat – it''s the first place that has felt like home since I came to the UK in 2012. My daughter stays every other weekend and needs her own room.

What is going well:
I''m good with my hands and I have a forklift licence from Poland. Friends from football.

What I would like to change:
Universal Credit was sanctioned after I missed an appointment – the letter went to my old address. Two months behind on rent and the landlord has phoned twice. Skipping meals to save money.

Who and what could help:
Urgent advice about the sanction. Food bank voucher today. Warehouse or driving work once things are calmer.

Gave a Riverside food bank voucher. Consent recorded.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-44 days','+13 hours','+40 minutes')),
(11, 3, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-42 days','+16 hours','+10 minutes'), 'phone', 'Łukasz went to Riverside food bank on Tuesday. The volunteer also helped him apply to the Household Support Fund.
Booked him into the City Advice drop-in on Thursday; I''ll meet him there.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-42 days','+16 hours','+50 minutes')),
(12, 3, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-42 days','+16 hours','+10 minutes'), 'phone', 'Łukasz went to Riverside food bank on Wednesday (the food bank isn''t open on Tuesdays). The volunteer also helped him apply to the Household Support Fund.
Booked him into the City Advice drop-in on Thursday; I''ll meet him there.', 'Sam (link worker)', 11, 'Wrong date of the food bank visit', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-41 days','+9 hours','+30 minutes')),
(13, 3, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-35 days','+10 hours'), 'accompanied', 'Went with Łukasz to the City Advice drop-in. The adviser agreed the sanction letter went to the wrong address and helped him ask for a mandatory reconsideration – sent today, with his tenancy agreement as proof of address.
She also wrote to the landlord asking for 28 days'' breathing space.
Łukasz: "It feels like someone is on my side now."', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-35 days','+10 hours','+40 minutes')),
(14, 3, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-21 days','+12 hours','+30 minutes'), 'follow_up', 'Sanction overturned and the backdated payment has arrived.
Łukasz has agreed with the landlord to pay £40 a month off the arrears.
Much brighter – back at football twice. Next: work. He''d like to use his forklift skills but needs a UK licence.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-21 days','+13 hours','+10 minutes')),
(15, 3, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-7 days','+17 hours'), 'phone', 'Quick call. Rent plan holding.
Suggested Northside Jobs Club on Wednesdays to look for a forklift course.
Repeated ONS4 – anxiety down a lot.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-7 days','+17 hours','+40 minutes'));

-- 4: Siobhán O'Connell
INSERT INTO conversation (id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at) VALUES
(16, 4, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-64 days','+10 hours'), 'what_matters', 'What matters to me:
My independence. Going to Mass on a Sunday. Getting my hair done.

What is going well:
My daughter Aoife rings every day and does the big shop. The physio says the hip is healing well.

What I would like to change:
Since the fall I''ve been frightened to go out on my own. I haven''t been to church for two months. I miss the walk to the corner shop.

Who and what could help:
Build up slowly: the corner shop with me first, then on her own. Grab rail for the back step. Tai chi for balance (she laughed, but will try). Dial-a-Ride rather than the bus for now.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-64 days','+10 hours','+40 minutes')),
(17, 4, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-50 days','+11 hours'), 'visit', 'Walked to the corner shop and back with Siobhán and her stick – slow but steady, and she was pleased with herself.
Referred to Care & Repair for a grab rail on the back step (with consent). Registered her with Dial-a-Ride.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-50 days','+11 hours','+40 minutes')),
(18, 4, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-40 days','+15 hours','+30 minutes'), 'phone', 'Siobhán didn''t feel up to the Riverside coffee morning on her own – too many people she doesn''t know. That''s OK; we''ll try again with me there once tai chi has started.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-40 days','+16 hours','+10 minutes')),
(19, 4, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-30 days','+9 hours','+40 minutes'), 'accompanied', 'Went with Siobhán to her first tai chi class (Dial-a-Ride there and back). Did most of it standing, sat for the last ten minutes. The instructor was lovely with her.
She has been to the corner shop on her own twice this week – goal achieved!', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-30 days','+10 hours','+20 minutes')),
(20, 4, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-9 days','+14 hours'), 'phone', 'Four tai chi classes now, and a lady from the class gave her a lift to Mass.
Care & Repair haven''t been yet – I''ll chase.
Repeated SWEMWBS: 17 -> 22. Next she''d like to get to Mass on her own.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-9 days','+14 hours','+40 minutes'));

-- 5: José Fernández
INSERT INTO conversation (id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at) VALUES
(21, 5, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-35 days','+10 hours'), 'what_matters', '(Spanish interpreter by phone.)

What matters to me:
My family – my wife and our two boys, 9 and 12. Working again: I was a chef in Valencia for fifteen years.

What is going well:
The boys are settled at school and already speak better English than me! We have a council flat.

What I would like to change:
My English – I understand more than I can say, so I stay quiet and feel stupid. I don''t know anyone except my family. I want to cook again.

Who and what could help:
ESOL Conversation Club on Saturdays (near his flat). Volunteer Centre for kitchen volunteering, to get UK experience and references. Later, the English for Work course.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-35 days','+10 hours','+40 minutes')),
(22, 5, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-21 days','+13 hours','+15 minutes'), 'follow_up', 'José has been to the conversation club three Saturdays running and met another chef, from Colombia.
Much more confident on the phone – we spoke without the interpreter today.
Referred to the Volunteer Centre; they have a kitchen role at the pay-as-you-feel café.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-21 days','+13 hours','+55 minutes')),
(23, 5, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-6 days','+16 hours','+30 minutes'), 'phone', 'Volunteer Centre induction is booked but José didn''t get the date – I''ll text it.
He''d like to do English for Work when the next course starts, and a food hygiene certificate.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-6 days','+17 hours','+10 minutes'));

-- 6: Mei 陈
INSERT INTO conversation (id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at) VALUES
(24, 6, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-80 days','+12 hours','+30 minutes'), 'what_matters', '(Prefers to be called Mei.)

What matters to me:
Looking after Mum properly. My son''s exams this year. Sleep!

What is going well:
Mum''s GP and the Parkinson''s nurse are very good. My son helps with the shopping.

What I would like to change:
I haven''t had a full night''s sleep in months – Mum gets up in the night. I gave up my part-time job earlier this year. I never see friends. I feel guilty even saying this.

Who and what could help:
A carer''s assessment (she didn''t know she could have one). Some time for herself – she used to do pottery. Talked about City Carers Centre and the sitting service.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-80 days','+13 hours','+10 minutes')),
(25, 6, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-66 days','+12 hours'), 'follow_up', 'Mei has registered with City Carers Centre and has a carer''s assessment booked. They told her about the carer''s card and emergency plan.
She has used the carers'' support line and found it helpful to talk to someone "who just gets it".', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-66 days','+12 hours','+40 minutes')),
(26, 6, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-45 days','+13 hours'), 'phone', 'Carer''s assessment done: Mum is eligible for a sitter three hours a week, and Mei for a carer''s break grant.
Referral to Carers Sitting Service sent. She sounded tired but relieved.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-45 days','+13 hours','+40 minutes')),
(27, 6, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-22 days','+12 hours','+45 minutes'), 'follow_up', 'Sitting service hasn''t started – they are finding a care worker who speaks Mandarin, as Mum is more settled in her own language.
Mum had a fall last week and nights are worse. Repeated SWEMWBS – a point lower; not surprising with the extra worry.
Mentioned Pottery for Wellbeing for when the sitter starts.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-22 days','+13 hours','+25 minutes')),
(28, 6, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-5 days','+12 hours','+15 minutes'), 'phone', 'Short call – Mum''s occupational therapist was visiting.
Sitting service say they have found someone; start date to be confirmed. I''ll chase for her.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-5 days','+12 hours','+55 minutes'));

-- 7: Hannah Müller
INSERT INTO conversation (id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at) VALUES
(29, 7, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-30 days','+13 hours','+30 minutes'), 'what_matters', 'What matters to me:
Being a good mum to Freya (4 months). Feeling like myself again.

What is going well:
Freya is feeding well. My partner is supportive but works long shifts.

What I would like to change:
We moved here from Germany, via Manchester, for my partner''s job just before Freya was born. I don''t know anyone. Some days I don''t speak to an adult until 7pm. I cry a lot and feel like I''m failing.

Who and what could help:
Other parents nearby; something to get out for in the mornings. Hannah is also seeing her GP about her mood and has a health visitor. Talked about New Parents Meet-up and Buggy Walks in Westgate.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-30 days','+14 hours','+10 minutes')),
(30, 7, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-16 days','+14 hours'), 'follow_up', 'Hannah has been to New Parents Meet-up twice and swapped numbers with a mum who lives two streets away – "the first time I laughed in weeks".
GP has started medication and referred her to talking therapies.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-16 days','+14 hours','+40 minutes')),
(31, 7, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-3 days','+13 hours','+45 minutes'), 'phone', 'Freya had a cold, so Hannah missed the buggy walk – she''d like to try next Tuesday.
Still seeing the mum she met at the meet-up.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-3 days','+14 hours','+25 minutes'));

-- 8: Darren Walsh
INSERT INTO conversation (id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at) VALUES
(32, 8, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-142 days','+14 hours'), 'what_matters', 'Met at the Old Town hub (Darren prefers not to meet at the hostel).

What matters to me:
My daughter Kayleigh (17) – we don''t speak much but I want to be someone she can be proud of. Having my own front door again. Being left alone by debt collectors.

What is going well:
I''m off the streets – Ashfield House is "alright" and the staff are decent. I''m good at fixing things, always have been.

What I would like to change:
I lost my flat earlier this year after I stopped opening letters. I''m drinking more than I want to, mostly at night because I can''t sleep. I owe the council, an energy company and a catalogue. Nobody to talk to apart from the hostel staff.

Who and what could help:
Housing Options (already involved – he''d like me at the next appointment). Debt advice. Darren will think about Forward Recovery Hub "but not yet". Likes the idea of making things – mentioned a men''s shed.

Lone-working plan agreed with his housing officer: meet at the hub or in public.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-142 days','+14 hours','+40 minutes')),
(33, 8, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-135 days','+10 hours','+30 minutes'), 'accompanied', 'Went with Darren to Housing Options. He is in band B for a one-bed flat. The officer explained bidding and we set up his account together on the library computer.
Quiet, but asked good questions. Afterwards he said he''d like to try the afternoon group at Forward Recovery Hub.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-135 days','+11 hours','+10 minutes')),
(34, 8, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-128 days','+15 hours'), 'phone', 'Darren didn''t get to the Forward Recovery Hub group on Tuesday – the hostel has been noisy at night and he''d only slept a couple of hours.
Completely understandable. Afternoon groups suit him better; he''d like to try Thursday.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-128 days','+15 hours','+40 minutes')),
(35, 8, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-121 days','+14 hours'), 'visit', 'Met at the hub. Darren brought a carrier bag of unopened letters and we sorted them together into a folder: council tax, energy, catalogue, two from a debt collection agency. Nothing from the courts.
He was relieved it''s "not as bad as in my head". Booked a City Advice appointment.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-121 days','+14 hours','+40 minutes')),
(36, 8, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-114 days','+11 hours'), 'accompanied', 'City Advice with Darren. The adviser thinks a Debt Relief Order would suit him (low income, no assets, debts about £6,800). She will ask creditors to hold action meanwhile.
She''ll also check his Universal Credit – he may be missing the housing element for the hostel.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-114 days','+11 hours','+40 minutes')),
(37, 8, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-104 days','+16 hours'), 'phone', 'Darren sounded low. It was Kayleigh''s birthday; he sent a card and hasn''t heard back. Drinking more this week.
Talked it through. He didn''t want to change anything right now, and that''s OK. He does want to keep going to the Thursday recovery group (been once).
Reminded him about the Lighthouse crisis café for out of hours.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-104 days','+16 hours','+40 minutes')),
(38, 8, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-97 days','+14 hours','+30 minutes'), 'follow_up', 'Darren has been to the Thursday recovery group twice now. Likes that the peer worker "has been there".
Cutting down in the day; nights still hard. His own goal this week – no drink before 6pm – he managed it.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-97 days','+15 hours','+10 minutes')),
(39, 8, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-90 days','+10 hours'), 'other', 'Multi-agency meeting (with Darren''s consent): housing officer, hostel keyworker and me.
Darren is near the top of the list for a flat. Keyworker will look at furniture grants; I''ll look into the Second Chance furniture scheme.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-90 days','+10 hours','+40 minutes')),
(40, 8, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-83 days','+10 hours','+30 minutes'), 'visit', 'Went with Darren to look round the Old Town Men''s Shed. About fifteen people and a lot of machine noise – he left after twenty minutes: "too much at once".
That''s fine. We''ll look at somewhere smaller, or the allotment, once he''s settled.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-83 days','+11 hours','+10 minutes')),
(41, 8, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-72 days','+15 hours','+20 minutes'), 'phone', 'Good news: the adviser has submitted the DRO application, so creditors can''t chase while it''s in place. Darren: "I haven''t felt this light about letters in years."
He has also been offered a flat in Riverside – viewing on Friday.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-72 days','+16 hours')),
(42, 8, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-61 days','+11 hours'), 'follow_up', 'Viewed the flat with Darren and his keyworker: first floor, one bed, needs decorating. He accepted it.
Referred to Second Chance for a bed, sofa and fridge-freezer (free on referral). Tenancy starts in two weeks.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-61 days','+11 hours','+40 minutes')),
(43, 8, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-48 days','+13 hours'), 'visit', 'Met Darren at his new flat (as agreed with housing: neighbour in, door open). Bed and fridge delivered from Second Chance; no carpets yet.
He has made a key holder out of an old pallet.
Repeated SWEMWBS and UCLA-3 – both better than at the start. Housing Options connection ended.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-48 days','+13 hours','+40 minutes')),
(44, 8, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-35 days','+10 hours'), 'accompanied', 'Taster at Northside Community Allotment with Darren – only four people there.
He spent two hours fixing the shed door and was asked to come back on Saturday. First time I''ve seen him properly smile.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-35 days','+10 hours','+40 minutes')),
(45, 8, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-20 days','+14 hours'), 'follow_up', 'Darren had a few hard weeks after the move and has stopped going to the recovery group for now. He was worried I''d be disappointed – I said I''m not, and that this is a normal part of things.
Still going to the allotment on Saturdays.
Talked about City Drug and Alcohol Service as an option if he wants more support; he''ll think about it. The Forward peer worker has his number and is happy to hear from him whenever.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-20 days','+14 hours','+40 minutes')),
(46, 8, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-8 days','+12 hours'), 'phone', 'Check-in call. Allotment twice a week now; he''s been asked to help build raised beds.
Drinking "about the same". He''d like to talk about the drug and alcohol service when we meet.
Kayleigh replied to his message.
Repeated SWEMWBS – a little lower than last time, still well above where he started. Meeting at the hub next week.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-8 days','+12 hours','+40 minutes'));

-- 9: Pat Greenwood
INSERT INTO conversation (id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at) VALUES
(47, 9, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-112 days','+10 hours'), 'what_matters', '(Prefers Pat.)

What matters to me:
Geoff – we''ve been married 51 years and I want to keep him at home. My garden. Singing: I was in a choir for twenty years.

What is going well:
Geoff goes to a day centre on Tuesdays and Thursdays. Our son visits at weekends.

What I would like to change:
I''m never off duty. I gave up choir because Geoff can''t be left in the evenings. I worry what happens to him if I''m ill. I''m short with him, then feel terrible.

Who and what could help:
Carer''s assessment; an emergency plan; a carers'' café they could go to together; a way back to singing (sitter on Monday evenings?).', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-112 days','+10 hours','+40 minutes')),
(48, 9, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-98 days','+11 hours'), 'follow_up', 'Pat has registered with City Carers Centre. Carer''s assessment booked; they''ve started an emergency plan with her and sent a carer''s card.
She''d like to try the Dementia Carers Café with Geoff.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-98 days','+11 hours','+40 minutes')),
(49, 9, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-84 days','+14 hours'), 'accompanied', 'Went with Pat and Geoff to the Dementia Carers Café. Geoff enjoyed the singalong. Pat talked to another wife caring for her husband – they''ve swapped numbers.
Carer''s assessment done: eligible for the sitting service; Monday evenings requested.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-84 days','+14 hours','+40 minutes')),
(50, 9, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-60 days','+10 hours','+30 minutes'), 'phone', 'Sitting service started – the same carer each Monday, and Geoff gets on with him (they talk about Leeds United).
Pat is going to choir next week for the first time in two years.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-60 days','+11 hours','+10 minutes')),
(51, 9, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-31 days','+11 hours'), 'follow_up', 'Pat has been to choir three times: "I''d forgotten I had a voice."
Repeated UCLA-3 and SWEMWBS – both better.
Emergency plan not finished: she wants to talk it through with her son first.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-31 days','+11 hours','+40 minutes')),
(52, 9, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-10 days','+10 hours','+15 minutes'), 'phone', 'Pat and her son have talked through the emergency plan. She''d like the carer emergency card details again so she can fill it in.
Geoff''s day centre has changed days; Pat is sorting it out with the sitting service.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-10 days','+10 hours','+55 minutes'));

-- 10: Kwame Mensah
INSERT INTO conversation (id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at) VALUES
(53, 10, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-45 days','+11 hours'), 'what_matters', 'What matters to me:
Being around for my grandchildren. Staying off insulin if I can. My church.

What is going well:
I''ve cut out sugary drinks. My wife and I cook together.

What I would like to change:
I''ve put on three stone since I stopped work. I get out of breath on the stairs and feel embarrassed at the gym. I used to play football for fun.

Who and what could help:
Walking Football (over 50s – no running!). Active Lives exercise referral if he wants more. He is also on the diabetes education course through the practice.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-45 days','+11 hours','+40 minutes')),
(54, 10, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-25 days','+15 hours'), 'follow_up', 'Kwame has played walking football three Tuesdays and loves it: "It''s proper football, just slower." Two of the players have diabetes too and they swap tips.
Wants to do more – talked about Active Lives.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-25 days','+15 hours','+40 minutes')),
(55, 10, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-11 days','+10 hours'), 'phone', 'Active Lives referral sent with Kwame''s consent (form signed by the practice). Walking football every week.
Repeated ONS4 – better across the board.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-11 days','+10 hours','+40 minutes'));

-- 11: Aisha Rahman
INSERT INTO conversation (id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at) VALUES
(56, 11, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-26 days','+10 hours'), 'what_matters', 'What matters to me:
My three children (6, 9 and 13) – keeping them warm and fed. Not being in trouble with the council.

What is going well:
The children are doing well at school. My mum helps with childcare.

What I would like to change:
A council tax arrears letter came last month; I panicked and haven''t answered it. The prepayment meter eats money and some evenings we sit in our coats. I work part-time and don''t know if I should be getting more help.

Who and what could help:
A benefit check. Energy advice (Warm Homes City). The food pantry to stretch the budget. Texts or WhatsApp during school hours.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-26 days','+10 hours','+40 minutes')),
(57, 11, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-19 days','+11 hours','+30 minutes'), 'phone', 'Referred Aisha to Energy Savers Advice and to City Advice (benefit check and council tax), with her consent.
Council tax office has agreed to hold action for 30 days while she gets advice.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-19 days','+12 hours','+10 minutes')),
(58, 11, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-8 days','+10 hours','+45 minutes'), 'follow_up', 'Energy Savers have applied for a fuel voucher and the Warm Home Discount, and will call about the meter.
City Advice appointment not booked yet – Aisha is waiting for a call back. I''ll chase.
The pantry "really helps": fruit and veg for the week for £4.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-8 days','+11 hours','+25 minutes'));

-- 12: Tom Birch
INSERT INTO conversation (id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at) VALUES
(59, 12, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-93 days','+11 hours'), 'what_matters', 'Joint visit with the fire service Safe and Well officer.

What matters to me:
My late wife''s things. My books and my radio. Not being put in a home.

What is going well:
Tom is sharp and funny and reads three library books a week. Walks to the paper shop daily.

What I would like to change:
The house has got on top of me. The back bedroom is full, so the heater can''t be used and only one room is warm. I don''t see anybody from one week to the next.

Who and what could help:
Gentle declutter support at Tom''s pace (he was clear nobody throws anything out without asking). Energy Savers about the old boiler. Good Neighbours for a weekly visitor.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-93 days','+11 hours','+40 minutes')),
(60, 12, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-79 days','+10 hours','+30 minutes'), 'visit', 'Energy Savers visited with me – Tom qualifies for a free boiler replacement; fitting booked.
He''d like to try Declutter Together; referral sent with consent.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-79 days','+11 hours','+10 minutes')),
(61, 12, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-58 days','+14 hours'), 'visit', 'Declutter Together worker (Nadia) came with me. Tom showed her the back bedroom and they agreed to start with one shelf of newspapers per visit. Tom chose which pile went first.
"She''s not like the council" – high praise.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-58 days','+14 hours','+40 minutes')),
(62, 12, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-37 days','+15 hours'), 'phone', 'Back bedroom now usable and the new boiler is in – the whole house is warm for the first time in years.
Good Neighbours have matched Tom with a volunteer, Brian, who is also a keen reader. First visit next week.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-37 days','+15 hours','+40 minutes')),
(63, 12, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-37 days','+15 hours'), 'phone', 'Back bedroom now usable and the new boiler is in – the whole house is warm for the first time in years.
Good Neighbours have matched Tom with a volunteer, Barry, who is also a keen reader. First visit next week.', 'Jo (link worker)', 62, 'Recorded the wrong volunteer''s name', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-35 days','+9 hours','+30 minutes')),
(64, 12, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-14 days','+11 hours'), 'visit', 'Tom and Barry get on well – they''ve been to the library together.
Tom still says he''s lonely in the evenings; UCLA-3 is the same as at the start. ONS4 a little better.
Talked about Library Home Delivery and Telephone Friends for the evenings. He''ll think about it.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-14 days','+11 hours','+40 minutes'));

-- 13: Gareth Price
INSERT INTO conversation (id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at) VALUES
(65, 13, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-49 days','+17 hours'), 'what_matters', 'Referred by the police neighbourhood team after repeated late-night calls to 101.

What matters to me:
My kids (they live with their mum in Wakefield). A bit of peace in my head at night.

What is going well:
Still working – delivery driver, days. I see the kids every other Saturday.

What I would like to change:
Since we separated a few months ago the evenings are the worst. I ring 101 because I want to hear another voice; I know it''s not what it''s for. I''m drinking on my own most nights.

Who and what could help:
Night Owls listening line for the evenings. Men Talk Mondays. Gareth was open about the drinking and would like to cut down on his own for now.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-49 days','+17 hours','+40 minutes')),
(66, 13, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-35 days','+17 hours','+30 minutes'), 'phone', 'Gareth has used Night Owls three times – "they don''t rush you". The neighbourhood team say no calls to 101 in the last fortnight.
Wants to try Men Talk Mondays but is nervous about walking in.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-35 days','+18 hours','+10 minutes')),
(67, 13, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-21 days','+17 hours','+15 minutes'), 'follow_up', 'Gareth went to Men Talk Mondays with a mate from work. Didn''t speak the first week; said a few words the second. "Everyone''s got something." He''s going again.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-21 days','+17 hours','+55 minutes')),
(68, 13, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-4 days','+16 hours','+45 minutes'), 'phone', 'Still going on Mondays. He''s always liked making things – told him about Northside Men''s Shed (Thursdays, his day off).
Repeated UCLA-3 – a bit better.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-4 days','+17 hours','+25 minutes'));

-- 14: Fatima Begum
INSERT INTO conversation (id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at) VALUES
(69, 14, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-38 days','+9 hours','+30 minutes'), 'what_matters', '(Sylheti interpreter present.)

What matters to me:
My children''s health – my youngest has asthma and has been in hospital twice this year. A safe, dry home.

What is going well:
The school family support worker has been very kind. My sister lives nearby.

What I would like to change:
Black mould in the bedrooms; the landlord says it''s our fault for drying clothes inside. I only go to school and the shop. I feel very alone since my husband went to work abroad for six months.

Who and what could help:
Housing advice about the damp. Meeting other women – she mentioned the masjid has a women''s room. English classes later.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-38 days','+10 hours','+10 minutes')),
(70, 14, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-24 days','+9 hours','+45 minutes'), 'phone', 'Referred to HomeRight Housing Advice (with consent; interpreter on the call). They''ll write to the landlord about the mould and may ask environmental health to inspect. A GP letter about her son''s asthma will help.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-24 days','+10 hours','+25 minutes')),
(71, 14, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-10 days','+12 hours','+30 minutes'), 'accompanied', 'Went with Fatima to the Saturday lunch at the masjid. The women''s room was busy and friendly; she met a neighbour from the same block and would like to go back.
Gave her information about Women into Work (free crèche) for when the next course starts.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-10 days','+13 hours','+10 minutes'));

-- 15: Brian Kettlewell
INSERT INTO conversation (id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at) VALUES
(72, 15, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-74 days','+10 hours','+30 minutes'), 'what_matters', 'Speech slow since the stroke – give him time to answer.

What matters to me:
My workshop – I made furniture for forty years. My dog, Bess.

What is going well:
Walking Bess round the block each day. Physio finished; right hand getting stronger.

What I would like to change:
Since Joan died and then the stroke, I''ve stopped going anywhere. The workshop''s too much on my own now. I feel useless.

Who and what could help:
Old Town Men''s Shed (quieter on Tuesdays), Dial-a-Ride to get there. Chair-based exercise for strength.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-74 days','+11 hours','+10 minutes')),
(73, 15, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-60 days','+11 hours'), 'visit', 'Registered Brian with Dial-a-Ride together. Phoned the Men''s Shed – the organiser, Keith, will meet him on Tuesday. Brian looked out some of his old tools to take.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-60 days','+11 hours','+40 minutes')),
(74, 15, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-46 days','+10 hours'), 'accompanied', 'Went with Brian to the Men''s Shed. Quiet at first, then he showed two younger lads how to cut a dovetail joint. Stayed three hours.
Asked if he can bring Bess next time (yes!).', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-46 days','+10 hours','+40 minutes')),
(75, 15, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-26 days','+14 hours'), 'follow_up', 'Brian goes to the shed every Tuesday and is helping make bird boxes for a primary school. Goal of getting back to woodwork achieved.
He missed chair exercise on Monday because the Dial-a-Ride booking didn''t go through – not his doing. I''ll sort it.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-26 days','+14 hours','+40 minutes')),
(76, 15, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-13 days','+10 hours','+30 minutes'), 'phone', 'Brian sounded brighter than I''ve ever heard him. Repeated SWEMWBS: 15 -> 22.
Chair exercise transport still to rebook.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-13 days','+11 hours','+10 minutes'));

-- 16: Chloe Simmons
INSERT INTO conversation (id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at) VALUES
(77, 16, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-21 days','+15 hours','+30 minutes'), 'what_matters', 'Met in a quiet room at the GP practice – Chloe prefers this to home visits or calls.

What matters to me:
Finishing my hairdressing course. My cat. Not feeling like this every day.

What is going well:
My college tutor has been understanding. I''m good at what I do.

What I would like to change:
Panic attacks – I''ve been to A&E five times thinking it was my heart. I owe money on two credit cards and a buy-now-pay-later account and it keeps me up at night. I don''t see friends any more.

Who and what could help:
Understanding panic: Recovery College course, or Anxiety Peer Group (she''d like a worker to meet her first). Debt help by phone (StepForward). Texts, not calls.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-21 days','+16 hours','+10 minutes')),
(78, 16, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-12 days','+11 hours'), 'phone', '(By text, as Chloe prefers.)
She has phoned StepForward and has an appointment. Referral to the Anxiety Peer Group sent with her consent – the group worker will meet her for a coffee before the first session.
She also looked at Recovery College and likes the "Understanding anxiety" course.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-12 days','+11 hours','+40 minutes')),
(79, 16, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-5 days','+15 hours','+30 minutes'), 'follow_up', 'StepForward have set up a debt management plan: one affordable payment a month, interest frozen. Chloe slept through the night for the first time in weeks.
No A&E visits in the last fortnight. First peer group session next week – nervous but wants to go.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-5 days','+16 hours','+10 minutes'));

-- 17: Ruth Adeyemi
INSERT INTO conversation (id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at) VALUES
(80, 17, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-60 days','+10 hours'), 'what_matters', 'What matters to me:
Being useful. My church. Keeping my mind active.

What is going well:
Good health, lovely neighbours, and my daughter lives in the city.

What I would like to change:
I retired a few months ago after thirty-five years teaching in primary schools and I miss the staffroom terribly. The days have no shape.

Who and what could help:
Volunteering that uses her teaching – ESOL conversation partner or reading volunteer. Maybe a choir. Ruth was clear she doesn''t want "an old people''s group".', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-60 days','+10 hours','+40 minutes')),
(81, 17, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-40 days','+11 hours','+30 minutes'), 'follow_up', 'Ruth met the Volunteer Centre and is matched as a conversation partner at the ESOL Conversation Club. Induction done.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-40 days','+12 hours','+10 minutes')),
(82, 17, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-15 days','+10 hours'), 'phone', 'Ruth has volunteered at the ESOL club for a month and loves it: "It''s like having a class again." Goal achieved.
She''d still like to try singing – gave her details of the community choir.
Repeated UCLA-3 – much lower.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-15 days','+10 hours','+40 minutes'));

-- 27: Nora Flanagan
INSERT INTO conversation (id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at) VALUES
(83, 27, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-103 days','+10 hours','+30 minutes'), 'what_matters', 'What matters to me:
My garden – I won prizes for my sweet peas. My grandson''s wedding next year.

What is going well:
My daughter Clare lives round the corner. Good friends at church.

What I would like to change:
The hip pain stops me getting about and I''ve become a bit of a hermit. Waiting for a hip replacement.

Who and what could help:
Lunch club with the minibus. Keep in touch through the operation.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-103 days','+11 hours','+10 minutes')),
(84, 27, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-70 days','+11 hours'), 'follow_up', 'Nora goes to the lunch club on Wednesdays and enjoys it. Operation date has come through for next month.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-70 days','+11 hours','+40 minutes')),
(85, 27, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-20 days','+16 hours'), 'phone', 'Spoke to Nora''s daughter Clare: the operation went well and Nora is on the rehab ward for another week or two.
Agreed to pause and pick up again once she''s home. Nora sent her regards.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-20 days','+16 hours','+40 minutes'));

-- 28: Craig Dawson
INSERT INTO conversation (id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at) VALUES
(86, 28, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-122 days','+10 hours'), 'what_matters', 'What matters to me:
Getting back to work – I''ve worked since I was 16. My partner and her little boy.

What is going well:
I''m fit and practical. My partner is supportive.

What I would like to change:
Out of work for nine months since the depot closed. Sleep''s all over the place and I feel like I''m wasting my days. My CV is ancient.

Who and what could help:
CV help (Skills Hub). Working Well for support with mood and job search.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-122 days','+10 hours','+40 minutes')),
(87, 28, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-100 days','+15 hours'), 'phone', 'Craig has started with Working Well – his adviser is "sound". CV clinic booked for next Thursday.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-100 days','+15 hours','+40 minutes')),
(88, 28, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-70 days','+10 hours','+30 minutes'), 'accompanied', 'Went with Craig to the Skills Hub CV clinic. Came out with a two-page CV he''s proud of. Applying for warehouse supervisor jobs.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-70 days','+11 hours','+10 minutes')),
(89, 28, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-40 days','+14 hours'), 'follow_up', 'Two interviews this week. Repeated SWEMWBS: 15 -> 23. Sleeping better now he has a routine.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-40 days','+14 hours','+40 minutes')),
(90, 28, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-15 days','+17 hours'), 'phone', 'Craig got the job – nights at the distribution centre, started Monday. Working Well support has ended now he''s in work.
He''d like to pause for a month while he settles in, then check in.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-15 days','+17 hours','+40 minutes'));

-- 29: Joan Whitaker
INSERT INTO conversation (id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at) VALUES
(91, 29, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-82 days','+11 hours'), 'what_matters', 'Hard of hearing – face her when speaking, no background noise.

What matters to me:
My sister Mary in Ireland. My budgie. Going to the shops on my own.

What is going well:
I manage the house myself. The neighbours keep an eye.

What I would like to change:
The evenings are lonely since my friend Edna went into a care home. I''d like to do something with my hands – I used to knit.

Who and what could help:
Knit and Natter at Northside Library. Telephone Friends for a weekly call.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-82 days','+11 hours','+40 minutes')),
(92, 29, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-60 days','+14 hours'), 'visit', 'Joan went to Knit and Natter once but it was noisy and hard to hear everyone – she decided it isn''t for her, which is completely fine.
Telephone Friends has started (Thursday teatime) and she enjoys it. Mentioned the lip-reading group; she''ll think about it.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-60 days','+14 hours','+40 minutes')),
(93, 29, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-28 days','+10 hours','+30 minutes'), 'phone', 'Joan''s sister is coming over from Ireland for six weeks. Joan asked for a break until she''s gone home; agreed to pause and I''ll ring after.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-28 days','+11 hours','+10 minutes'));

-- 30: Alan Marsh
INSERT INTO conversation (id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at) VALUES
(94, 30, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-232 days','+10 hours'), 'what_matters', 'What matters to me:
Getting fitter after the heart attack. My wife Sue. Being useful.

What is going well:
Cardiac rehab finished. Sue is very supportive.

What I would like to change:
I''m scared of doing too much in case it happens again, so I do nothing. Since retiring I sit in front of the telly all day.

Who and what could help:
Health walks (gentle, with walk leaders). A men''s shed for something to do with his hands.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-232 days','+10 hours','+40 minutes')),
(95, 30, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-200 days','+10 hours','+30 minutes'), 'accompanied', 'First Riverside Health Walk with Alan. Took it steady and chatted with the walk leader the whole way round.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-200 days','+11 hours','+10 minutes')),
(96, 30, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-160 days','+11 hours'), 'follow_up', 'Alan does the health walk every Monday and now walks to the shops every day. Goal achieved. He''d like to try a men''s shed.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-160 days','+11 hours','+40 minutes')),
(97, 30, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-100 days','+11 hours'), 'follow_up', 'Alan goes to Northside Men''s Shed every Thursday and is making a bench for the park.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-100 days','+11 hours','+40 minutes')),
(98, 30, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-45 days','+10 hours'), 'phone', 'Closing call. Walking every week and at the shed every Thursday. Repeated UCLA-3 and SWEMWBS – both much better.
Alan and Sue are happy to close; he knows he can come back any time.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-45 days','+10 hours','+40 minutes'));

-- 31: Sandra Pickering
INSERT INTO conversation (id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at) VALUES
(99, 31, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-172 days','+14 hours'), 'what_matters', 'What matters to me:
Being nearer my sister in Scarborough. My health – I have COPD.

What is going well:
I''m on top of my inhalers since the hospital stay.

What I would like to change:
I''m stuck on the third floor with no lift and can''t get out much. All my family are on the coast.

Who and what could help:
Housing Options about a move or a mutual exchange.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-172 days','+14 hours','+40 minutes')),
(100, 31, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-140 days','+14 hours','+30 minutes'), 'phone', 'Housing Options have registered Sandra for a move; she''s also looking at mutual exchanges with tenants in Scarborough.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-140 days','+15 hours','+10 minutes')),
(101, 31, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-60 days','+11 hours','+30 minutes'), 'phone', 'Sandra has a mutual exchange to a ground-floor flat in Scarborough, five minutes from her sister. Moving next week.
With her consent I''ve passed her details to the link worker service there. Closing our support.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-60 days','+12 hours','+10 minutes'));

-- 32: Kevin Doyle
INSERT INTO conversation (id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at) VALUES
(102, 32, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-146 days','+18 hours'), 'what_matters', 'What matters to me:
Getting fit again. My mates – we used to play five-a-side.

What is going well:
Job is OK. Living with my brother.

What I would like to change:
I''ve put on weight and feel flat most of the time. Lost touch with friends since I moved.

Who and what could help:
Table Tennis Social, or finding a five-a-side team. Prefers texts.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-146 days','+18 hours','+40 minutes')),
(103, 32, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-130 days','+17 hours','+30 minutes'), 'phone', 'Called and texted Kevin to see how table tennis went – no answer. Left a friendly voicemail.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-130 days','+18 hours','+10 minutes')),
(104, 32, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-105 days','+12 hours'), 'other', 'Tried Kevin three times by phone and text over the last month with no reply. Sent a letter saying we''re here if he''d like support and he can get back in touch any time.
Will close if we haven''t heard in a couple of weeks.', 'Jo (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-105 days','+12 hours','+40 minutes'));

-- 33: Yvonne Baxter
INSERT INTO conversation (id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at) VALUES
(105, 33, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-290 days','+10 hours'), 'what_matters', 'What matters to me:
My grandchildren. Not being frightened of the post.

What is going well:
My health is OK. I''m good at organising things – I ran the PTA years ago.

What I would like to change:
Bailiff letters for council tax, and a payday loan I took out to pay the gas. I don''t sleep. I feel ashamed.

Who and what could help:
Money advice (Northside drop-in is walking distance). Food pantry to stretch the money.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-290 days','+10 hours','+40 minutes')),
(106, 33, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-260 days','+13 hours'), 'accompanied', 'Went with Yvonne to Northside Money Advice. The adviser will contact the council to stop bailiff action and set up an affordable arrangement, and help her complain to the payday lender about affordability.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-260 days','+13 hours','+40 minutes')),
(107, 33, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-200 days','+11 hours'), 'follow_up', 'Bailiffs withdrawn and council tax arrangement in place. Payday loan complaint upheld – interest refunded.
Yvonne has opened a savings account at the credit union. Goal achieved.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-200 days','+11 hours','+40 minutes')),
(108, 33, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-120 days','+11 hours'), 'follow_up', 'Yvonne now volunteers on Tuesdays at Northside Food Pantry: "I''m on the other side of the counter now."', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-120 days','+11 hours','+40 minutes')),
(109, 33, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-30 days','+10 hours'), 'visit', 'Closing visit. Volunteering every Tuesday, debt plan on track, sleeping well most nights. Repeated SWEMWBS: 12 -> 23.
Agreed to close; she knows how to get back in touch.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-30 days','+10 hours','+40 minutes'));

-- 34: Peter Hargreaves
INSERT INTO conversation (id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at) VALUES
(110, 34, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-36 days','+11 hours'), 'phone', 'First call. Peter''s GP referred him because he has been low since retiring. Peter was friendly but doesn''t feel he needs support right now – he has his allotment and his brother nearby.
Respected that. Gave him our number; he can get in touch any time or ask his GP to refer again.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-36 days','+11 hours','+40 minutes'));

-- 35: Shirley Moss
INSERT INTO conversation (id, person_id, occurred_at, kind, body, author, amends, amend_reason, created_at) VALUES
(111, 35, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-22 days','+14 hours'), 'phone', 'First call. Shirley''s minister suggested the referral after she gave up driving. She is well supported by her church – lifts and a weekly visit – and would prefer to carry on with that.
Agreed. With her permission I''ve sent the minister our list of local groups and Dial-a-Ride details.', 'Sam (link worker)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-22 days','+14 hours','+40 minutes'));

-- =====================================================================
-- Goals
-- =====================================================================
INSERT INTO goal (id, person_id, text, status, created_on, ended_on) VALUES
(1, 1, 'Get out of the house at least twice a week', 'achieved', date('now','localtime','-90 days'), date('now','localtime','-20 days')),
(2, 1, 'Talk to other people who have lost someone', 'open', date('now','localtime','-62 days'), NULL),
(3, 2, 'Apply for three jobs I actually want', 'open', date('now','localtime','-55 days'), NULL),
(4, 2, 'Do something active every week', 'achieved', date('now','localtime','-55 days'), date('now','localtime','-20 days')),
(5, 3, 'Get the benefit sanction looked at again', 'achieved', date('now','localtime','-44 days'), date('now','localtime','-21 days')),
(6, 3, 'Agree a plan for the rent arrears', 'achieved', date('now','localtime','-44 days'), date('now','localtime','-21 days')),
(7, 3, 'Find warehouse or driving work', 'open', date('now','localtime','-21 days'), NULL),
(8, 4, 'Walk to the corner shop on my own', 'achieved', date('now','localtime','-64 days'), date('now','localtime','-30 days')),
(9, 4, 'Get to Mass on my own', 'open', date('now','localtime','-9 days'), NULL),
(10, 5, 'Go to an English conversation group every week', 'open', date('now','localtime','-35 days'), NULL),
(11, 5, 'Find volunteering in a kitchen', 'open', date('now','localtime','-35 days'), NULL),
(12, 6, 'Get a carer''s assessment', 'achieved', date('now','localtime','-80 days'), date('now','localtime','-45 days')),
(13, 6, 'Have one afternoon a week for myself', 'open', date('now','localtime','-80 days'), NULL),
(14, 7, 'Meet other parents nearby', 'open', date('now','localtime','-30 days'), NULL),
(15, 8, 'Have my own front door again', 'achieved', date('now','localtime','-142 days'), date('now','localtime','-61 days')),
(16, 8, 'Sort out the debts so the letters stop', 'achieved', date('now','localtime','-121 days'), date('now','localtime','-72 days')),
(17, 8, 'Go to the recovery group every week', 'dropped', date('now','localtime','-135 days'), date('now','localtime','-20 days')),
(18, 8, 'Find something to do with my hands each week', 'open', date('now','localtime','-83 days'), NULL),
(19, 9, 'Get a carer''s assessment', 'achieved', date('now','localtime','-112 days'), date('now','localtime','-84 days')),
(20, 9, 'Get back to singing', 'achieved', date('now','localtime','-112 days'), date('now','localtime','-31 days')),
(21, 9, 'Have a plan for Geoff if I''m ill', 'open', date('now','localtime','-112 days'), NULL),
(22, 10, 'Join a group activity', 'achieved', date('now','localtime','-45 days'), date('now','localtime','-25 days')),
(23, 10, 'Walk for 30 minutes three times a week', 'open', date('now','localtime','-25 days'), NULL),
(24, 11, 'Get help with the energy bills before winter', 'open', date('now','localtime','-26 days'), NULL),
(25, 11, 'Check we get all the benefits we should', 'open', date('now','localtime','-26 days'), NULL),
(26, 12, 'Clear the back bedroom so it can be heated', 'achieved', date('now','localtime','-93 days'), date('now','localtime','-37 days')),
(27, 12, 'Have someone to chat to each week', 'open', date('now','localtime','-93 days'), NULL),
(28, 13, 'Someone to talk to in the evenings that isn''t 101', 'achieved', date('now','localtime','-49 days'), date('now','localtime','-35 days')),
(29, 13, 'Drink less on my own in the evenings', 'open', date('now','localtime','-49 days'), NULL),
(30, 14, 'Get the damp in the flat fixed', 'open', date('now','localtime','-38 days'), NULL),
(31, 14, 'Meet other women locally', 'open', date('now','localtime','-38 days'), NULL),
(32, 15, 'Get back to woodwork', 'achieved', date('now','localtime','-74 days'), date('now','localtime','-26 days')),
(33, 15, 'Get out of the house twice a week', 'open', date('now','localtime','-74 days'), NULL),
(34, 16, 'Understand what''s happening when I panic', 'open', date('now','localtime','-21 days'), NULL),
(35, 16, 'Get the credit card debts under control', 'achieved', date('now','localtime','-21 days'), date('now','localtime','-5 days')),
(36, 17, 'Find volunteering that uses my teaching', 'achieved', date('now','localtime','-60 days'), date('now','localtime','-15 days')),
(37, 17, 'Try singing in a group', 'open', date('now','localtime','-15 days'), NULL),
(38, 27, 'Go to the lunch club on Wednesdays', 'achieved', date('now','localtime','-103 days'), date('now','localtime','-70 days')),
(39, 27, 'Get back out in the garden after the operation', 'open', date('now','localtime','-70 days'), NULL),
(40, 28, 'Get a CV I''m proud of', 'achieved', date('now','localtime','-122 days'), date('now','localtime','-70 days')),
(41, 28, 'Get back into work', 'achieved', date('now','localtime','-122 days'), date('now','localtime','-15 days')),
(42, 29, 'Try a craft group', 'dropped', date('now','localtime','-82 days'), date('now','localtime','-60 days')),
(43, 29, 'Feel less lonely in the evenings', 'open', date('now','localtime','-82 days'), NULL),
(44, 30, 'Walk further than the end of the street', 'achieved', date('now','localtime','-232 days'), date('now','localtime','-160 days')),
(45, 30, 'Have something to get up for on Thursdays', 'achieved', date('now','localtime','-160 days'), date('now','localtime','-100 days')),
(46, 31, 'Move nearer my sister', 'achieved', date('now','localtime','-172 days'), date('now','localtime','-60 days')),
(47, 32, 'Find a sport to play with other people', 'dropped', date('now','localtime','-146 days'), date('now','localtime','-90 days')),
(48, 33, 'Stop the bailiff letters', 'achieved', date('now','localtime','-290 days'), date('now','localtime','-200 days')),
(49, 33, 'Do something useful with my time', 'achieved', date('now','localtime','-200 days'), date('now','localtime','-120 days'));

-- =====================================================================
-- Wellbeing measures. ONS4 items: life satisfaction, worthwhile, happiness, anxiety (0-10, never summed).
-- UCLA3: three items 1-3, total 3-9 (higher = lonelier). SWEMWBS: seven items 1-5, raw total 7-35.
-- =====================================================================
INSERT INTO measure (id, person_id, instrument, taken_on, items, total, created_at) VALUES
(1, 1, 'UCLA3', date('now','localtime','-90 days'), '[3,3,3]', 9, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-90 days','+12 hours')),
(2, 1, 'UCLA3', date('now','localtime','-20 days'), '[2,2,1]', 5, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-20 days','+12 hours')),
(3, 1, 'ONS4', date('now','localtime','-90 days'), '[3,5,2,8]', NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-90 days','+12 hours')),
(4, 2, 'SWEMWBS', date('now','localtime','-55 days'), '[2,2,3,2,2,3,2]', 16, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-55 days','+12 hours')),
(5, 2, 'SWEMWBS', date('now','localtime','-13 days'), '[3,3,3,3,3,3,3]', 21, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-13 days','+12 hours')),
(6, 3, 'ONS4', date('now','localtime','-44 days'), '[3,4,3,9]', NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-44 days','+12 hours')),
(7, 3, 'ONS4', date('now','localtime','-7 days'), '[6,6,6,5]', NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-7 days','+12 hours')),
(8, 4, 'SWEMWBS', date('now','localtime','-64 days'), '[2,3,2,2,3,2,3]', 17, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-64 days','+12 hours')),
(9, 4, 'SWEMWBS', date('now','localtime','-9 days'), '[3,3,3,4,3,3,3]', 22, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-9 days','+12 hours')),
(10, 5, 'ONS4', date('now','localtime','-35 days'), '[4,6,4,6]', NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-35 days','+12 hours')),
(11, 6, 'SWEMWBS', date('now','localtime','-80 days'), '[2,1,2,2,2,2,2]', 13, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-80 days','+12 hours')),
(12, 6, 'SWEMWBS', date('now','localtime','-22 days'), '[2,1,2,2,2,1,2]', 12, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-22 days','+12 hours')),
(13, 6, 'UCLA3', date('now','localtime','-80 days'), '[2,3,2]', 7, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-80 days','+12 hours')),
(14, 7, 'ONS4', date('now','localtime','-30 days'), '[4,7,4,7]', NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-30 days','+12 hours')),
(15, 8, 'SWEMWBS', date('now','localtime','-142 days'), '[1,2,2,1,2,2,1]', 11, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-142 days','+12 hours')),
(16, 8, 'SWEMWBS', date('now','localtime','-48 days'), '[2,2,3,2,2,3,2]', 16, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-48 days','+12 hours')),
(17, 8, 'SWEMWBS', date('now','localtime','-8 days'), '[2,2,2,2,2,3,2]', 15, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-8 days','+12 hours')),
(18, 8, 'UCLA3', date('now','localtime','-142 days'), '[3,3,3]', 9, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-142 days','+12 hours')),
(19, 8, 'UCLA3', date('now','localtime','-48 days'), '[3,2,2]', 7, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-48 days','+12 hours')),
(20, 9, 'UCLA3', date('now','localtime','-112 days'), '[3,2,3]', 8, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-112 days','+12 hours')),
(21, 9, 'UCLA3', date('now','localtime','-31 days'), '[2,2,2]', 6, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-31 days','+12 hours')),
(22, 9, 'SWEMWBS', date('now','localtime','-112 days'), '[2,2,2,3,2,2,3]', 16, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-112 days','+12 hours')),
(23, 9, 'SWEMWBS', date('now','localtime','-31 days'), '[3,3,3,3,3,3,3]', 21, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-31 days','+12 hours')),
(24, 10, 'ONS4', date('now','localtime','-45 days'), '[5,6,5,5]', NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-45 days','+12 hours')),
(25, 10, 'ONS4', date('now','localtime','-11 days'), '[7,7,7,4]', NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-11 days','+12 hours')),
(26, 11, 'ONS4', date('now','localtime','-26 days'), '[4,6,3,8]', NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-26 days','+12 hours')),
(27, 12, 'UCLA3', date('now','localtime','-93 days'), '[3,3,2]', 8, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-93 days','+12 hours')),
(28, 12, 'UCLA3', date('now','localtime','-14 days'), '[3,3,2]', 8, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-14 days','+12 hours')),
(29, 12, 'ONS4', date('now','localtime','-93 days'), '[4,5,4,3]', NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-93 days','+12 hours')),
(30, 12, 'ONS4', date('now','localtime','-14 days'), '[5,5,5,3]', NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-14 days','+12 hours')),
(31, 13, 'UCLA3', date('now','localtime','-49 days'), '[3,3,3]', 9, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-49 days','+12 hours')),
(32, 13, 'UCLA3', date('now','localtime','-4 days'), '[2,3,2]', 7, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-4 days','+12 hours')),
(33, 14, 'ONS4', date('now','localtime','-38 days'), '[3,5,3,8]', NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-38 days','+12 hours')),
(34, 15, 'SWEMWBS', date('now','localtime','-74 days'), '[2,2,2,3,2,2,2]', 15, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-74 days','+12 hours')),
(35, 15, 'SWEMWBS', date('now','localtime','-13 days'), '[3,3,3,4,3,3,3]', 22, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-13 days','+12 hours')),
(36, 16, 'ONS4', date('now','localtime','-21 days'), '[3,4,2,9]', NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-21 days','+12 hours')),
(37, 16, 'SWEMWBS', date('now','localtime','-21 days'), '[2,2,1,2,2,2,2]', 13, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-21 days','+12 hours')),
(38, 17, 'UCLA3', date('now','localtime','-60 days'), '[2,3,2]', 7, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-60 days','+12 hours')),
(39, 17, 'UCLA3', date('now','localtime','-15 days'), '[1,2,1]', 4, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-15 days','+12 hours')),
(40, 27, 'ONS4', date('now','localtime','-103 days'), '[5,6,5,6]', NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-103 days','+12 hours')),
(41, 28, 'SWEMWBS', date('now','localtime','-122 days'), '[2,2,3,2,2,2,2]', 15, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-122 days','+12 hours')),
(42, 28, 'SWEMWBS', date('now','localtime','-40 days'), '[3,4,3,3,3,4,3]', 23, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-40 days','+12 hours')),
(43, 30, 'UCLA3', date('now','localtime','-232 days'), '[3,3,2]', 8, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-232 days','+12 hours')),
(44, 30, 'UCLA3', date('now','localtime','-45 days'), '[1,2,1]', 4, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-45 days','+12 hours')),
(45, 30, 'SWEMWBS', date('now','localtime','-232 days'), '[2,2,2,2,3,2,2]', 15, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-232 days','+12 hours')),
(46, 30, 'SWEMWBS', date('now','localtime','-45 days'), '[4,4,3,4,4,4,4]', 27, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-45 days','+12 hours')),
(47, 31, 'ONS4', date('now','localtime','-172 days'), '[3,5,3,7]', NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-172 days','+12 hours')),
(48, 33, 'SWEMWBS', date('now','localtime','-290 days'), '[1,2,2,2,2,1,2]', 12, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-290 days','+12 hours')),
(49, 33, 'SWEMWBS', date('now','localtime','-30 days'), '[3,3,4,3,3,4,3]', 23, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-30 days','+12 hours'));

-- =====================================================================
-- Connections between people and services
-- =====================================================================
INSERT INTO connection (id, person_id, service_id, status, status_on, note, created_at) VALUES
(1, 1, 4, 'attended', date('now','localtime','-76 days'), 'Goes every Wednesday on the minibus', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-83 days','+12 hours','+30 minutes')),
(2, 1, 24, 'declined', date('now','localtime','-83 days'), 'Would rather see people face to face', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-90 days','+12 hours','+30 minutes')),
(3, 1, 72, 'attended', date('now','localtime','-33 days'), 'Jean walks down with her', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-62 days','+12 hours','+30 minutes')),
(4, 2, 39, 'attended', date('now','localtime','-34 days'), 'Week 7 and enjoying it', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-55 days','+12 hours','+30 minutes')),
(5, 2, 56, 'referred', date('now','localtime','-41 days'), 'They will call within ten working days', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-41 days','+12 hours','+30 minutes')),
(6, 2, 65, 'suggested', date('now','localtime','-20 days'), 'Zoë will look at the website first', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-20 days','+12 hours','+30 minutes')),
(7, 3, 1, 'attended', date('now','localtime','-42 days'), NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-44 days','+12 hours','+30 minutes')),
(8, 3, 9, 'attended', date('now','localtime','-35 days'), 'Mandatory reconsideration sent; sanction overturned', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-42 days','+12 hours','+30 minutes')),
(9, 3, 57, 'suggested', date('now','localtime','-7 days'), 'To look for a forklift licence course', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-7 days','+12 hours','+30 minutes')),
(10, 4, 43, 'attended', date('now','localtime','-30 days'), NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-64 days','+12 hours','+30 minutes')),
(11, 4, 21, 'referred', date('now','localtime','-50 days'), 'Grab rail for the back step', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-50 days','+12 hours','+30 minutes')),
(12, 4, 86, 'attended', date('now','localtime','-30 days'), 'Uses it for tai chi', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-50 days','+12 hours','+30 minutes')),
(13, 4, 26, 'did_not_attend', date('now','localtime','-40 days'), 'Felt too anxious to go alone; try again with accompanied visit', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-50 days','+12 hours','+30 minutes')),
(14, 5, 79, 'attended', date('now','localtime','-28 days'), NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-35 days','+12 hours','+30 minutes')),
(15, 5, 58, 'referred', date('now','localtime','-21 days'), 'Kitchen volunteering at the pay-as-you-feel café', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-21 days','+12 hours','+30 minutes')),
(16, 5, 81, 'suggested', date('now','localtime','-6 days'), 'Next course', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-6 days','+12 hours','+30 minutes')),
(17, 6, 51, 'attended', date('now','localtime','-66 days'), 'Carer''s assessment done; uses the support line', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-80 days','+12 hours','+30 minutes')),
(18, 6, 55, 'referred', date('now','localtime','-45 days'), 'Waiting for a Mandarin-speaking care worker', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-45 days','+12 hours','+30 minutes')),
(19, 6, 49, 'suggested', date('now','localtime','-22 days'), 'For when the sitter starts', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-22 days','+12 hours','+30 minutes')),
(20, 7, 30, 'attended', date('now','localtime','-16 days'), NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-30 days','+12 hours','+30 minutes')),
(21, 7, 36, 'did_not_attend', date('now','localtime','-3 days'), 'Freya had a cold; Hannah would like to try again next week', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-16 days','+12 hours','+30 minutes')),
(22, 8, 17, 'ended', date('now','localtime','-48 days'), 'Moved into his own flat', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-142 days','+12 hours','+30 minutes')),
(23, 8, 70, 'ended', date('now','localtime','-20 days'), 'Stopped going after a hard few weeks; the peer worker has his number and he''s welcome back any time', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-135 days','+12 hours','+30 minutes')),
(24, 8, 9, 'attended', date('now','localtime','-114 days'), 'Debt Relief Order application', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-121 days','+12 hours','+30 minutes')),
(25, 8, 77, 'declined', date('now','localtime','-83 days'), 'Tried one session: too busy and noisy all at once. Might try a smaller group later', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-90 days','+12 hours','+30 minutes')),
(26, 8, 91, 'attended', date('now','localtime','-48 days'), 'Bed, sofa and fridge-freezer delivered free', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-61 days','+12 hours','+30 minutes')),
(27, 8, 74, 'attended', date('now','localtime','-35 days'), 'Goes twice a week; building raised beds', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-40 days','+12 hours','+30 minutes')),
(28, 8, 92, 'suggested', date('now','localtime','-20 days'), 'Darren would like to talk it through at our next meeting', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-20 days','+12 hours','+30 minutes')),
(29, 9, 51, 'attended', date('now','localtime','-98 days'), 'Emergency plan and carer''s card', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-112 days','+12 hours','+30 minutes')),
(30, 9, 52, 'attended', date('now','localtime','-84 days'), 'Goes with Geoff', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-98 days','+12 hours','+30 minutes')),
(31, 9, 55, 'attended', date('now','localtime','-60 days'), 'Monday evenings, so Pat can go to choir', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-84 days','+12 hours','+30 minutes')),
(32, 9, 45, 'attended', date('now','localtime','-31 days'), NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-60 days','+12 hours','+30 minutes')),
(33, 10, 37, 'attended', date('now','localtime','-25 days'), NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-45 days','+12 hours','+30 minutes')),
(34, 10, 41, 'referred', date('now','localtime','-11 days'), 'Form signed by the GP practice', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-25 days','+12 hours','+30 minutes')),
(35, 11, 15, 'referred', date('now','localtime','-19 days'), NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-26 days','+12 hours','+30 minutes')),
(36, 11, 9, 'referred', date('now','localtime','-19 days'), 'Waiting for a call back to book the benefit check', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-26 days','+12 hours','+30 minutes')),
(37, 11, 2, 'attended', date('now','localtime','-12 days'), NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-26 days','+12 hours','+30 minutes')),
(38, 12, 15, 'attended', date('now','localtime','-79 days'), 'Free boiler replacement fitted', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-93 days','+12 hours','+30 minutes')),
(39, 12, 22, 'attended', date('now','localtime','-58 days'), 'At Tom''s pace', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-79 days','+12 hours','+30 minutes')),
(40, 12, 23, 'attended', date('now','localtime','-37 days'), 'Matched with volunteer Barry', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-58 days','+12 hours','+30 minutes')),
(41, 12, 87, 'suggested', date('now','localtime','-14 days'), 'For the evenings', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-14 days','+12 hours','+30 minutes')),
(42, 13, 31, 'attended', date('now','localtime','-35 days'), 'Uses it most weeks', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-49 days','+12 hours','+30 minutes')),
(43, 13, 66, 'attended', date('now','localtime','-21 days'), 'First time went with a mate from work', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-35 days','+12 hours','+30 minutes')),
(44, 13, 78, 'suggested', date('now','localtime','-4 days'), 'Thursdays – his day off', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-4 days','+12 hours','+30 minutes')),
(45, 14, 18, 'referred', date('now','localtime','-24 days'), 'Mould; may involve environmental health', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-38 days','+12 hours','+30 minutes')),
(46, 14, 83, 'attended', date('now','localtime','-10 days'), NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-24 days','+12 hours','+30 minutes')),
(47, 14, 59, 'suggested', date('now','localtime','-10 days'), 'Free crèche; next course', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-10 days','+12 hours','+30 minutes')),
(48, 15, 77, 'attended', date('now','localtime','-46 days'), 'Every Tuesday; brings Bess', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-60 days','+12 hours','+30 minutes')),
(49, 15, 86, 'attended', date('now','localtime','-46 days'), NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-60 days','+12 hours','+30 minutes')),
(50, 15, 38, 'did_not_attend', date('now','localtime','-26 days'), 'Dial-a-Ride booking didn''t go through – not Brian''s doing; rebooking', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-46 days','+12 hours','+30 minutes')),
(51, 16, 11, 'attended', date('now','localtime','-5 days'), 'Debt management plan set up', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-21 days','+12 hours','+30 minutes')),
(52, 16, 67, 'referred', date('now','localtime','-12 days'), 'Group worker will meet her for a coffee before the first session', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-21 days','+12 hours','+30 minutes')),
(53, 16, 69, 'suggested', date('now','localtime','-12 days'), 'Interested in "Understanding anxiety"', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-21 days','+12 hours','+30 minutes')),
(54, 17, 58, 'attended', date('now','localtime','-40 days'), NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-60 days','+12 hours','+30 minutes')),
(55, 17, 79, 'attended', date('now','localtime','-15 days'), 'Volunteering as a conversation partner', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-40 days','+12 hours','+30 minutes')),
(56, 17, 45, 'suggested', date('now','localtime','-15 days'), NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-15 days','+12 hours','+30 minutes')),
(57, 27, 4, 'attended', date('now','localtime','-70 days'), NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-103 days','+12 hours','+30 minutes')),
(58, 28, 60, 'attended', date('now','localtime','-70 days'), NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-100 days','+12 hours','+30 minutes')),
(59, 28, 56, 'ended', date('now','localtime','-15 days'), 'Finished when Craig started work', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-122 days','+12 hours','+30 minutes')),
(60, 29, 25, 'declined', date('now','localtime','-60 days'), 'Went once; too noisy to hear. Not for her – happy with Telephone Friends instead', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-82 days','+12 hours','+30 minutes')),
(61, 29, 24, 'attended', date('now','localtime','-60 days'), 'Thursday teatime calls', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-82 days','+12 hours','+30 minutes')),
(62, 29, 90, 'suggested', date('now','localtime','-60 days'), NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-60 days','+12 hours','+30 minutes')),
(63, 30, 32, 'attended', date('now','localtime','-200 days'), NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-232 days','+12 hours','+30 minutes')),
(64, 30, 78, 'attended', date('now','localtime','-100 days'), 'Making a bench for the park', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-160 days','+12 hours','+30 minutes')),
(65, 31, 17, 'ended', date('now','localtime','-60 days'), 'Mutual exchange to Scarborough', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-172 days','+12 hours','+30 minutes')),
(66, 32, 42, 'did_not_attend', date('now','localtime','-125 days'), 'Didn''t make the first session; the club says he''s welcome whenever', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-146 days','+12 hours','+30 minutes')),
(67, 33, 10, 'attended', date('now','localtime','-260 days'), NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-290 days','+12 hours','+30 minutes')),
(68, 33, 14, 'attended', date('now','localtime','-200 days'), 'Savings account opened', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-260 days','+12 hours','+30 minutes')),
(69, 33, 2, 'ended', date('now','localtime','-30 days'), 'Now volunteers there on Tuesdays instead of shopping as a member', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-290 days','+12 hours','+30 minutes')),
(70, 35, 86, 'suggested', date('now','localtime','-22 days'), 'Details passed to her minister with her permission', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-22 days','+12 hours','+30 minutes'));

-- =====================================================================
-- Reminders: overdue, today, this week, later, and a few done
-- =====================================================================
INSERT INTO reminder (id, person_id, service_id, due_on, due_time, text, done_at, snoozed_until, created_at) VALUES
(1, 1, NULL, date('now','localtime','-3 days'), NULL, 'Call Peggy – would she like to try Sunday lunch at Holy Trinity?', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-20 days','+9 hours','+10 minutes')),
(2, 4, NULL, date('now','localtime','-5 days'), NULL, 'Chase Care & Repair about Siobhán''s grab rail', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-9 days','+9 hours','+10 minutes')),
(3, 6, NULL, date('now','localtime','-2 days'), NULL, 'Chase Carers Sitting Service for Mei''s start date', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-5 days','+9 hours','+10 minutes')),
(4, 11, NULL, date('now','localtime','-1 days'), '09:30', 'Chase City Advice call back for Aisha''s benefit check', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-8 days','+9 hours','+10 minutes')),
(5, 14, NULL, date('now','localtime','-10 days'), NULL, 'Ask HomeRight if the landlord has replied about the damp', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-24 days','+9 hours','+10 minutes')),
(6, 8, NULL, date('now','localtime','-8 days'), NULL, 'Ask housing officer about carpets for Darren''s flat', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-48 days','+9 hours','+10 minutes')),
(7, 13, NULL, date('now','localtime','-15 days'), NULL, 'Ask Gareth if the Night Owls line is still helping', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-35 days','+9 hours','+10 minutes')),
(8, 22, NULL, date('now','localtime','-4 days'), NULL, 'First call to Ian – fire service referral, heating not working', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-12 days','+9 hours','+10 minutes')),
(9, 26, NULL, date('now','localtime','-6 days'), NULL, 'First call to Mohammed (carer for his son)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-13 days','+9 hours','+10 minutes')),
(10, 24, NULL, date('now','localtime','-1 days'), NULL, 'Check with GP practice who Sean''s next of kin is, then first call', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-4 days','+9 hours','+10 minutes')),
(11, NULL, 4, date('now','localtime','-7 days'), NULL, 'Confirm the lunch club minibus still runs on Wednesdays', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-30 days','+9 hours','+10 minutes')),
(12, 2, NULL, date('now','localtime'), NULL, 'Check if Working Well have been in touch with Zoë', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-20 days','+9 hours','+10 minutes')),
(13, 9, NULL, date('now','localtime'), '10:30', 'Send Pat the carer emergency card details', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-10 days','+9 hours','+10 minutes')),
(14, 18, NULL, date('now','localtime'), '14:00', 'First call to Derek (GP referral)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-6 days','+9 hours','+10 minutes')),
(15, 21, NULL, date('now','localtime'), NULL, 'Call Ewa – urgent HomeRight appointment about the Section 21', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-2 days','+9 hours','+10 minutes')),
(16, 8, NULL, date('now','localtime','+1 days'), '14:00', 'Meet Darren at the hub – talk about the drug and alcohol service', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-8 days','+9 hours','+10 minutes')),
(17, 16, NULL, date('now','localtime','+1 days'), NULL, 'Text Chloe before her first peer group session', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-5 days','+9 hours','+10 minutes')),
(18, 20, NULL, date('now','localtime','+1 days'), NULL, 'First call to Jamie (job centre referral)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-9 days','+9 hours','+10 minutes')),
(19, 5, NULL, date('now','localtime','+2 days'), '10:30', 'Text José the Volunteer Centre induction date', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-6 days','+9 hours','+10 minutes')),
(20, 19, NULL, date('now','localtime','+2 days'), NULL, 'First call to Priya – mention prescription prepayment certificate', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-3 days','+9 hours','+10 minutes')),
(21, 10, NULL, date('now','localtime','+3 days'), NULL, 'Check Active Lives received Kwame''s referral', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-11 days','+9 hours','+10 minutes')),
(22, 23, NULL, date('now','localtime','+3 days'), NULL, 'First call to Grace (self-referral)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-1 days','+9 hours','+10 minutes')),
(23, 3, NULL, date('now','localtime','+4 days'), NULL, 'Ask Łukasz about forklift licence courses', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-7 days','+9 hours','+10 minutes')),
(24, 7, NULL, date('now','localtime','+5 days'), NULL, 'Call Hannah to see how the buggy walk went', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-3 days','+9 hours','+10 minutes')),
(25, 25, NULL, date('now','localtime','+5 days'), NULL, 'Text Lily to offer a first chat (text first – calls make her anxious)', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-8 days','+9 hours','+10 minutes')),
(26, 15, NULL, date('now','localtime','+6 days'), NULL, 'Rebook Dial-a-Ride for Brian''s chair exercise', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-13 days','+9 hours','+10 minutes')),
(27, 12, NULL, date('now','localtime','+10 days'), NULL, 'Visit Tom – ask about Library Home Delivery', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-14 days','+9 hours','+10 minutes')),
(28, 13, NULL, date('now','localtime','+10 days'), NULL, 'Ask Gareth if he''s tried Northside Men''s Shed', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-4 days','+9 hours','+10 minutes')),
(29, 27, NULL, date('now','localtime','+12 days'), NULL, 'Ring Nora''s daughter about her discharge date', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-20 days','+9 hours','+10 minutes')),
(30, 17, NULL, date('now','localtime','+14 days'), NULL, 'Ask Ruth if she tried the choir', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-15 days','+9 hours','+10 minutes')),
(31, 28, NULL, date('now','localtime','+15 days'), NULL, 'Check in with Craig – how is the new job going?', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-15 days','+9 hours','+10 minutes')),
(32, NULL, 26, date('now','localtime','+20 days'), NULL, 'Re-check opening times – not verified for over a year', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-3 days','+9 hours','+10 minutes')),
(33, 29, NULL, date('now','localtime','+25 days'), NULL, 'Call Joan after her sister goes home', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-28 days','+9 hours','+10 minutes')),
(34, 1, NULL, date('now','localtime','+30 days'), NULL, 'Three-month review with Peggy', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-20 days','+9 hours','+10 minutes')),
(35, 2, NULL, date('now','localtime','+40 days'), NULL, 'Repeat SWEMWBS with Zoë', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-13 days','+9 hours','+10 minutes')),
(36, 9, NULL, date('now','localtime','+45 days'), NULL, 'Review carers emergency plan with Pat', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-31 days','+9 hours','+10 minutes')),
(37, 4, NULL, date('now','localtime','+60 days'), NULL, 'Review with Siobhán – repeat SWEMWBS', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-9 days','+9 hours','+10 minutes')),
(38, 3, NULL, date('now','localtime','-44 days'), NULL, 'Give Łukasz a food bank voucher', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-44 days','+15 hours','+20 minutes'), NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-44 days','+9 hours','+10 minutes')),
(39, 8, NULL, date('now','localtime','-62 days'), NULL, 'Chase DRO application with City Advice', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-61 days','+15 hours','+20 minutes'), NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-72 days','+9 hours','+10 minutes')),
(40, 4, NULL, date('now','localtime','-32 days'), '09:00', 'Book Dial-a-Ride for Siobhán''s first tai chi', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-31 days','+15 hours','+20 minutes'), NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-50 days','+9 hours','+10 minutes')),
(41, 30, NULL, date('now','localtime','-45 days'), NULL, 'Send closing letter to Alan', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-44 days','+15 hours','+20 minutes'), NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-45 days','+9 hours','+10 minutes')),
(42, 6, NULL, date('now','localtime','-47 days'), NULL, 'Check Mei''s carer''s assessment date', strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-46 days','+15 hours','+20 minutes'), NULL, strftime('%Y-%m-%dT%H:%M:%S','now','localtime','start of day','-66 days','+9 hours','+10 minutes'));
