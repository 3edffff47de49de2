import json, os
D='/work/h3/tests/fixtures/invalid/'
SRC=[{"id": "s", "title": "A source", "reliability": "B", "credibility": 2}]
def doc(**kw):
    d={"formatVersion": "2.0", "sources": SRC}
    d.update(kw); return d
P=lambda id, **kw: {"id": id, "kind": kw.pop("kind","jointAirPatrol"), "participants": kw.pop("participants",["CHN","RUS"]), "dates": kw.pop("dates","2024-07-24"), **kw, "sources": kw.pop("sources",["s"])}
I=lambda id, kind, **kw: {"id": id, "kind": kind, "by": kw.pop("by",["KOR"]), "against": kw.pop("against",["RUS"]), "dates": kw.pop("dates","2019-07-23"), **kw, "sources": ["s"]}
A=lambda id, **kw: {"id": id, "kind": kw.pop("kind","transit"), "participants": kw.pop("participants",["CHN"]), "dates": kw.pop("dates","2024-09-18"), **kw, "sources": ["s"]}
E=lambda id, **kw: {"id": id, "name": kw.pop("name", id), "participants": kw.pop("participants",["RUS","CHN"]), "dates": kw.pop("dates",{"start":"2018-09-11","end":"2018-09-17"}), **kw, "sources": ["s"]}
F={}
F['empty-figure']=doc(incidents=[I("i","warningShots",rounds={"values": []})])
F['unknown-link-target']=doc(incidents=[I("i","warningShots",links=[{"rel":"during","to":"jap-2019-07-23"}])])
F['self-link']=doc(patrols=[P("p",links=[{"rel":"related","to":"p"}])])
F['part-of-cycle']=doc(exercises=[E("a",links=[{"rel":"partOf","to":"b"}]),E("b",name="B",links=[{"rel":"partOf","to":"c"}]),E("c",name="C",links=[{"rel":"partOf","to":"a"}])])
F['linked-dates-disagree']=doc(patrols=[P("jap-2019-07-23",dates="2019-07-23")],incidents=[I("i","warningShots",dates="2019-08-23",links=[{"rel":"during","to":"jap-2019-07-23"}])])
F['linked-dates-disagree-2']=doc(exercises=[E("joint-sea-2021",dates={"start":"2021-10-14","end":"2021-10-17"})],patrols=[P("jnp",kind="jointNavalPatrol",dates={"start":"2021-10","end":"2021-10-23"}),P("jnp-early",kind="jointNavalPatrol",dates="2021-09-30",links=[{"rel":"follows","to":"joint-sea-2021"}])])
# jnp (month precision) has no link; -2 shows follows
F['linked-dates-disagree-2']['patrols'][0]['links']=[{"rel":"follows","to":"joint-sea-2021"}]
F['sequence-claimed-twice']=doc(patrols=[P("a",dates="2024-07-24",numbering=[{"number":8,"by":"CHN"}]),P("b",dates="2024-11-29",numbering=[{"number":8,"by":"CHN"},{"number":8,"by":"JPN"}]),P("c",kind="jointNavalPatrol",dates="2024-07",numbering=[{"number":8,"by":"CHN"}]),P("d",dates="2025-12-09",numbering=[{"number":8}]),P("e",dates="2025-12-10",numbering=[{"number":8}],links=[{"rel":"sameEvent","to":"d"}])])
F['conflicting-numbers']=doc(patrols=[P("p",dates="2025-12-09",numbering=[{"number":10,"by":"CHN"},{"number":9,"by":"JPN"},{"number":9,"by":"CHN"}])])
F['forces-parts-exceed-total']=doc(exercises=[E("v",forces={"personnel":{"atMost":3000},"aircraft":{"over":1000},"byState":[{"country":"RUS","forces":{"personnel":{"values":[{"value":300000,"stance":"claimed","by":"RUS"}]},"aircraft":1000}},{"country":"CHN","forces":{"personnel":3200,"aircraft":30}}]})])
F['state-forces-not-participant']=doc(activities=[A("a",forces={"byState":[{"country":"RUS","forces":{"ships":2}}]})])
F['nested-state-forces']=doc(exercises=[E("v",forces={"byState":[{"country":"CHN","forces":{"personnel":3200,"byState":[{"country":"CHN","forces":{"personnel":3200}}]}}]})])
F['duplicate-state-forces']=doc(exercises=[E("v",forces={"byState":[{"country":"CHN","forces":{"personnel":3200}},{"country":"CHN","forces":{"aircraft":30}}]})])
F['leg-outside-dates']=doc(patrols=[P("p",kind="jointNavalPatrol",dates={"start":"2021-10-17","end":"2021-10-23"},legs=[{"dates":"2021-10-18","straits":["tsugaru-strait"]},{"dates":{"start":"2021-10-21","end":"2021-10-25"},"straits":["osumi-strait"]},{"dates":"2021-10","notes":"a month that may lie within"}])])
F['not-a-strait']=doc(activities=[A("a",legs=[{"straits":["miyako-strait","sea-of-japan","atlantis"]}])])
F['rounds-without-shots']=doc(incidents=[I("i","scramble",rounds=360,sorties=4)])
F['protest-without-recipient']=doc(incidents=[I("i","protest",by=["JPN"],against=[]),I("j","protest",by=["JPN"],against=[],dates="2019-07-24",links=[{"rel":"respondsTo","to":"i"}])])
F['incident-without-actor']=doc(incidents=[I("i","adizEntry",by=[],against=["KOR"])])
F['time-without-day']=doc(incidents=[I("i","adizEntry",by=["CHN","RUS"],against=["KOR"],dates="2019-07",startTime="00:25")],activities=[A("a",dates={"start":"2024-09-18","end":"2024-09-19"},startTime="10:00",endTime="12:00",legs=[{"dates":"2024-09","startTime":"11:00"}]),A("b",kind="flight",startTime="01:00")])
del F['time-without-day']['activities'][1]['dates']
F['likely-duplicate']=doc(patrols=[P("a",dates="2024-11-29",areas=["sea-of-japan","east-china-sea"]),P("b",dates={"start":"2024-11-29","end":"2024-11-30"},participants=["RUS","CHN"],areas=["east-china-sea"]),P("c",dates="2024-11",areas=["sea-of-japan"],links=[{"rel":"sameEvent","to":"a"}]),P("d",kind="jointNavalPatrol",dates="2024-11-29",areas=["sea-of-japan"])],incidents=[I("x","adizEntry",by=["CHN","RUS"],against=["KOR"],dates="2024-11-29"),I("y","adizEntry",by=["RUS","CHN"],against=["KOR"],dates="2024-11-29"),I("z","adizEntry",by=["CHN","RUS"],against=["JPN"],dates="2024-11-29")])
# c overlaps b too, not linked with b -> c also flagged? keep: see output
for name,d in F.items():
    open(D+name+'.json','w').write(json.dumps(d,indent=2,ensure_ascii=False)+'\n')
# invalid-time: parse error
open(D+'invalid-time.json','w').write('''{
  "formatVersion": "2.0",
  "sources": [{"id": "s", "title": "A source", "reliability": "B", "credibility": 2}],
  "incidents": [
    {"id": "i", "kind": "warningShots", "by": ["KOR"], "against": ["RUS"], "dates": "2019-07-23",
     "startTime": "99:99", "sources": ["s"]}
  ]
}
''')
print(len(F)+1)
G={}
G['duplicate-id-5']=doc(exercises=[E("x")],incidents=[I("x","warningShots")],activities=[A("y"),A("y",dates="2024-09-20")])
G['missing-source-4']=doc(patrols=[P("p",numbering=[{"number":8,"by":"CHN","sources":["mnd"]}],claims=[{"kind":"first","text":"first","sources":["tass"]}])],
  incidents=[I("i","warningShots",rounds={"values":[{"value":360,"by":"KOR","sources":["s","jcs"]},{"value":{"over":400},"sources":["afp"]}]},links=[{"rel":"during","to":"p","sources":["kbs"]}])])
G['missing-source-4']['patrols'][0]['dates']="2019-07-23"
G['unknown-country-3']=doc(incidents=[I("i","warningShots",against=["XXA"],platforms=[{"model":"F-15K","country":"XXB","count":2}])],patrols=[P("p",numbering=[{"number":1,"by":"XXC"}])])
for name,d in G.items():
    open(D+name+'.json','w').write(json.dumps(d,indent=2,ensure_ascii=False)+'\n')
