"""The decision-boundary picture: each pixel coloured by the predicted class, validation points on top."""

from .model import predict
from .png import write_png

SIZE, SPAN = 96, 3.0  # pixels per side; the plot covers [-SPAN, SPAN] on both axes


def plot_boundary(path, weights, points):
    def to_xy(col, row):
        return (col / (SIZE - 1) * 2 - 1) * SPAN, (1 - row / (SIZE - 1) * 2) * SPAN

    rows = []
    for row in range(SIZE):
        line = []
        for col in range(SIZE):
            p = predict(weights, to_xy(col, row))
            line.append((int(255 - 80 * p), int(235 - 40 * abs(p - 0.5)), int(175 + 80 * p)))
        rows.append(line)
    for (x, y), label in points:
        col, row = round((x / SPAN + 1) / 2 * (SIZE - 1)), round((1 - y / SPAN) / 2 * (SIZE - 1))
        for dc in (-1, 0, 1):
            for dr in (-1, 0, 1):
                if 0 <= col + dc < SIZE and 0 <= row + dr < SIZE:
                    rows[row + dr][col + dc] = (30, 60, 160) if label else (190, 50, 40)
    write_png(path, rows)
