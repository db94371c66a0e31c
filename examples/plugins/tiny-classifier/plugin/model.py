"""Logistic regression in pure Python, plus the generated dataset it learns."""
import math
import random


def make_data(samples, seed):
    """Two Gaussian blobs: class 0 around (-1, -1), class 1 around (1, 1)."""
    rng = random.Random(seed)
    data = []
    for i in range(samples):
        label = i % 2
        centre = 1.0 if label else -1.0
        data.append(((rng.gauss(centre, 0.8), rng.gauss(centre, 0.8)), label))
    rng.shuffle(data)
    return data


def predict(weights, point):
    w0, w1, b = weights
    z = w0 * point[0] + w1 * point[1] + b
    return 1.0 / (1.0 + math.exp(-max(min(z, 60.0), -60.0)))


def epoch(weights, data, learning_rate):
    """One pass of batch gradient descent; returns new weights, mean loss and accuracy."""
    g0 = g1 = gb = 0.0
    loss = 0.0
    correct = 0
    for (x, y), label in data:
        p = predict(weights, (x, y))
        loss -= math.log(max(p if label else 1.0 - p, 1e-12))
        correct += int((p >= 0.5) == bool(label))
        g0 += (p - label) * x
        g1 += (p - label) * y
        gb += p - label
    n = float(len(data))
    new = (weights[0] - learning_rate * g0 / n, weights[1] - learning_rate * g1 / n, weights[2] - learning_rate * gb / n)
    return new, loss / n, correct / n


def accuracy(weights, data):
    return sum(int((predict(weights, p) >= 0.5) == bool(label)) for p, label in data) / float(len(data))
