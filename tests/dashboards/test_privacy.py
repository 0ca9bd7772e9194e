"""The privacy engine on hand-made tables (true values in, shown cells out)."""

from dashboards.privacy import Column, Figure, Row, Table, min_group_size, people, protect_table


def texts(table: Table) -> dict[str, list[str]]:
    return {row.label: [cell.text for cell in row.cells] for row in table.visible_rows}


def department_table(values: dict[str, int], total: int) -> Table:
    rows = [Row(name, [people(n)], part_of="d") for name, n in values.items()]
    rows.append(Row("All", [people(total)], part_of=None, total_of="d"))
    return Table("t", "t", [Column("n", "People", additive=True)], rows)


def test_k_is_the_setting_and_never_below_three(settings):
    settings.DASHBOARD_MIN_GROUP_SIZE = 7
    assert min_group_size() == 7
    settings.DASHBOARD_MIN_GROUP_SIZE = 1
    assert min_group_size() == 3


def test_a_figure_about_fewer_than_k_people_is_shown_as_fewer_than_k_including_zero():
    table = protect_table(department_table({"A": 40, "B": 30, "C": 4, "D": 0, "E": 3}, 77))
    shown = texts(table)
    assert shown["C"] == shown["D"] == shown["E"] == ["fewer than 5"]
    assert shown["A"] == ["40"] and shown["B"] == ["30"] and shown["All"] == ["75"]


def test_one_small_cell_forces_a_complementary_cell_so_the_total_cannot_be_subtracted():
    table = protect_table(department_table({"A": 40, "B": 30, "C": 12, "D": 2}, 84))
    shown = texts(table)
    assert shown["D"] == ["fewer than 5"]
    assert shown["C"] == ["hidden"]  # the smallest other part
    assert shown["A"] == ["40"] and shown["B"] == ["30"]


def test_hidden_cells_together_must_cover_at_least_k_people():
    table = protect_table(department_table({"A": 40, "B": 2, "C": 1, "D": 3, "E": 9}, 55))
    shown = texts(table)
    # B, C and D are small (6 people together: enough), so nothing more is hidden.
    assert [shown[x][0] for x in "BCD"] == ["fewer than 5"] * 3
    assert shown["E"] == ["10"]
    table = protect_table(department_table({"A": 40, "B": 1, "C": 1, "E": 9}, 51))
    shown = texts(table)
    assert shown["E"] == ["hidden"]  # B + C cover only 2 people


def test_a_line_with_a_single_part_hides_its_total_with_it():
    table = protect_table(department_table({"A": 4}, 6))
    assert texts(table) == {"A": ["fewer than 5"], "All": ["hidden"]}


def test_an_unnamed_part_is_protected_like_a_small_cell_and_never_shown():
    rows = [Row("Peer circles", [people(20)], part_of=None, total_of="c"),
            Row("Open Circle", [people(12)], part_of="c"),
            Row("Big Circle", [people(15)], part_of="c"),
            Row("Private and sensitive", [people(3)], part_of="c", unnamed=True)]
    table = protect_table(Table("g", "g", [Column("n", "People", additive=True)], rows))
    shown = texts(table)
    assert "Private and sensitive" not in shown
    assert shown["Open Circle"] == ["hidden"]
    assert shown["Big Circle"] == ["15"]


def test_a_hidden_total_never_stands_alone_above_parts_that_are_all_shown():
    rows = [Row("All", [people(30)], part_of=None, total_of="all"),
            Row("Peer", [people(25)], part_of="all", total_of="peer"),
            Row("Skills", [people(5)], part_of="all", total_of="skills"),
            Row("Affinity", [people(0)], part_of="all"),
            Row("Skills Lab", [people(5)], part_of="skills")]
    shown = texts(protect_table(Table("g", "g", [Column("n", "P", additive=True)], rows)))
    assert shown["Skills"] == ["hidden"]  # protects Affinity (0)
    assert shown["Skills Lab"] == ["hidden"]  # else Skills = Skills Lab


def test_counts_are_rounded_to_k_rates_to_percent_and_averages_to_one_decimal(settings):
    settings.DASHBOARD_MIN_GROUP_SIZE = 5
    rows = [Row("r", [people(12), people(13), Figure(2 / 3, 9, "rate"),
                      Figure(3.46, 9, "average"), Figure(7, 9, "exact")], part_of=None)]
    cols = [Column(k, k, kind) for k, kind in
            (("a", "people"), ("b", "people"), ("c", "rate"), ("d", "average"), ("e", "exact"))]
    shown = texts(protect_table(Table("t", "t", cols, rows)))
    assert shown["r"] == ["10", "15", "67%", "3.5", "7"]


def test_one_person_more_moves_a_rounded_count_by_k_or_not_at_all():
    shown = [texts(protect_table(department_table({"A": n}, n)))["All"][0]
             for n in range(5, 16)]
    values = [int(v) for v in shown]
    steps = {b - a for a, b in zip(values, values[1:], strict=False)}
    assert steps <= {0, 5}
